package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.SimulationSettings;

class LaunchOptionsTest {

    @Test
    void noArgumentsOpenTheReadyScenario() {
        assertThat(LaunchOptions.claims(new String[0])).isTrue();
        LaunchOptions o = LaunchOptions.parse(List.of());
        assertThat(o.settings()).isEqualTo(SimulationSettings.defaults());
        assertThat(o.frameStats()).isFalse();
        assertThat(o.play()).isFalse();
    }

    @Test
    void theMeasurementScenarioParses() {
        String[] args = {"--frame-stats", "--play-full-speed", "--cell", "lstm", "--hidden", "64", "--seq", "100",
                "--exit-after", "30", "--warmup=2"};
        assertThat(LaunchOptions.claims(args)).isTrue();
        LaunchOptions o = LaunchOptions.parse(List.of(args));
        assertThat(o.frameStats()).isTrue();
        assertThat(o.play()).isTrue();
        assertThat(o.speed()).isInfinite();
        assertThat(o.settings().cell()).isEqualTo(CellKind.LSTM);
        assertThat(o.settings().hiddenSize()).isEqualTo(64);
        assertThat(o.settings().sequenceLength()).isEqualTo(100);
        assertThat(o.exitAfterSeconds()).isEqualTo(30);
        assertThat(o.warmupSeconds()).isEqualTo(2);
    }

    @Test
    void aTaskStartsAtItsUsualLengthUnlessALengthIsGivenInAnyOrder() {
        assertThat(LaunchOptions.parse(List.of("--task", "numbers")).settings().sequenceLength())
                .isEqualTo(org.rnnlab.task.registry.Tasks.info("numbers").defaultLength());
        assertThat(LaunchOptions.parse(List.of("--seq", "50", "--task", "sine")).settings().sequenceLength()).isEqualTo(50);
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--task", "nonsense"))).hasMessageContaining("nonsense");
    }

    @Test
    void aStackedBidirectionalModelIsAskedForWithLayersAndBidirectional() {
        SimulationSettings s = LaunchOptions.parse(List.of("--bidirectional", "--layers=2", "--task", "order")).settings();
        assertThat(s.layers()).isEqualTo(2);
        assertThat(s.bidirectional()).isTrue();
        assertThat(LaunchOptions.parse(List.of("--layers", "3")).settings().bidirectional()).isFalse();
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--layers", "5")))
                .hasMessage("--layers must be in 1..4, was 5");
    }

    @Test
    void commandsAreLeftToTheCommandLine() {
        assertThat(LaunchOptions.claims(new String[] {"verify", "x.json"})).isFalse();
        assertThat(LaunchOptions.claims(new String[] {"--help"})).isFalse();
        assertThat(LaunchOptions.claims(new String[] {"screenshots", "--out", "d"})).isFalse();
    }

    @Test
    void badValuesAreRefusedNamingTheOptionAndValue() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--hidden", "abc")))
                .hasMessageContaining("--hidden").hasMessageContaining("abc");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--hidden", "0")))
                .hasMessageContaining("hidden size").hasMessageContaining("0");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--exit-after", "-1")))
                .hasMessageContaining("--exit-after").hasMessageContaining("-1");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--cell", "tcn"))).hasMessageContaining("tcn");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--frobnicate"))).hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--seq"))).hasMessageContaining("--seq needs a value");
    }

    @Test
    void presenterThemeLessonAndUsageOptions() {
        LaunchOptions o = LaunchOptions.parse(List.of("--presenter", "--dark", "--lesson", "lstm-gates", "--usage-stats"));
        assertThat(o.presenter()).isTrue();
        assertThat(o.dark()).isTrue();
        assertThat(o.lesson()).isEqualTo("lstm-gates");
        assertThat(o.usageStats()).isTrue();
        assertThat(LaunchOptions.claims(new String[] {"--presenter"})).isTrue();
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--lesson", "nope")))
                .hasMessageStartingWith("--lesson must be one of sequential-data, ").hasMessageEndingWith(", was 'nope'");
    }
}

package org.rnnlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;

/** The player driving the real engine thread through {@link EngineLessonHost}. */
class EngineLessonHostTest {
    private final EngineRunner runner = EngineRunner.start(DefaultTasks.factory());
    private final List<String> window = new ArrayList<>();
    private final EngineLessonHost host = new EngineLessonHost(runner, new EngineLessonHost.Window() {
        @Override public void focusView(LessonView view) { window.add("focus " + view.fileName()); }
        @Override public void selectUnit(int unit) { window.add("unit " + unit); }
        @Override public void compare(List<CellKind> cells, SimulationSettings s, CompareMatch m) { window.add("compare " + cells); }
    });

    @AfterEach
    void close() {
        runner.close();
    }

    private Snapshot shown() throws InterruptedException {
        runner.awaitIdle(60, TimeUnit.SECONDS);
        assertThat(runner.lastError()).isNull();
        return runner.latest();
    }

    @Test
    void theVanishingLessonOnTheEngineThreadShowsTheTickOnlyAfterTheReveal() throws InterruptedException {
        LessonPlayer p = new LessonPlayer(Lessons.all().find("vanishing-gradients").orElseThrow(), host);
        p.start();
        Snapshot s = shown();
        assertThat(s.phaseText()).isEqualTo("Ready");
        assertThat(s.run().settings().spectralRadius()).isEqualTo(0.5);
        assertThat(s.run().cell().kind()).isEqualTo(CellKind.RNN);

        p.next();
        assertThat(shown().phaseText()).isEqualTo("Backward t=20");

        p.next();
        assertThat(p.isAwaitingReveal()).isTrue();
        Snapshot asked = shown();
        assertThat(asked.phaseText()).as("the question is asked before the walk back").isEqualTo("Backward t=20");
        assertThat(asked.columns().backward()[0]).isNull();

        p.reveal();
        Snapshot answered = shown();
        assertThat(answered.phaseText()).isEqualTo("Backward t=1");
        double ratio = answered.columns().backward()[0].dhNorm() / answered.columns().backward()[19].dhNorm();
        assertThat(ratio).isLessThan(1e-6);
        assertThat(window).containsExactly("focus equations", "focus gradient-flow");

        p.back();
        assertThat(shown().phaseText()).as("back to the question: replayed to before the walk").isEqualTo("Backward t=20");
    }
}

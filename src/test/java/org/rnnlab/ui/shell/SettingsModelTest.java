package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.FieldParsers;
import org.rnnlab.ui.model.SettingField;
import org.rnnlab.ui.model.SettingsModel;

class SettingsModelTest {
    private final List<SimulationSettings> applied = new ArrayList<>();
    private final SettingsModel model = new SettingsModel(SimulationSettings.defaults(), applied::add);

    private boolean hidden(String text) {
        return model.apply(SettingField.HIDDEN_SIZE,
                s -> s.withHiddenSize(FieldParsers.parseInt(SettingField.HIDDEN_SIZE, text)));
    }

    @Test
    void invalidHiddenSizesAreRefusedWithTheReasonAndChangeNothing() {
        assertThat(hidden("0")).isFalse();
        assertThat(model.error(SettingField.HIDDEN_SIZE)).isEqualTo("hidden size must be in 1..1024, was 0");
        assertThat(hidden("-3")).isFalse();
        assertThat(model.error(SettingField.HIDDEN_SIZE)).isEqualTo("hidden size must be in 1..1024, was -3");
        assertThat(hidden("abc")).isFalse();
        assertThat(model.error(SettingField.HIDDEN_SIZE)).isEqualTo("hidden size must be a whole number, was 'abc'");
        assertThat(applied).isEmpty();
        assertThat(model.settings()).isEqualTo(SimulationSettings.defaults());
    }

    @Test
    void aValidValueClearsTheRefusalAndReachesTheEngineOnce() {
        hidden("abc");
        assertThat(hidden("16")).isTrue();
        assertThat(model.error(SettingField.HIDDEN_SIZE)).isNull();
        assertThat(applied).containsExactly(SimulationSettings.defaults().withHiddenSize(16));
        assertThat(hidden("16")).isTrue();
        assertThat(applied).hasSize(1);
    }

    @Test
    void anEngineRefusalPutsBackTheSettingsInForceAndShowsTheReasonAtTheControl() {
        model.apply(SettingField.SEQUENCE_LENGTH, s -> s.withTask(s.taskId(), 1));
        model.refusedByEngine(SimulationSettings.defaults(), "sequence length must be at least 2, was 1");
        assertThat(model.settings()).isEqualTo(SimulationSettings.defaults());
        assertThat(model.error(SettingField.SEQUENCE_LENGTH)).contains("was 1");
    }

    @Test
    void numbersThatJavaWouldAcceptButPeopleDoNotWriteAreRefused() {
        assertThat(model.apply(SettingField.LEARNING_RATE, s -> s.withTraining(
                FieldParsers.parseDouble(SettingField.LEARNING_RATE, "NaN"), s.optimizer(), s.clip(), s.clipThreshold())))
                .isFalse();
        assertThat(model.error(SettingField.LEARNING_RATE)).isEqualTo("learning rate must be a number, was 'NaN'");
        assertThat(model.apply(SettingField.LEARNING_RATE, s -> s.withTraining(
                FieldParsers.parseDouble(SettingField.LEARNING_RATE, "1e-3"), s.optimizer(), s.clip(), s.clipThreshold())))
                .isTrue();
        assertThat(model.apply(SettingField.LEARNING_RATE, s -> s.withTraining(
                FieldParsers.parseDouble(SettingField.LEARNING_RATE, "-1"), s.optimizer(), s.clip(), s.clipThreshold())))
                .isFalse();
        assertThat(model.error(SettingField.LEARNING_RATE)).contains("learning rate").contains("-1");
    }
}

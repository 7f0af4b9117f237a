package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rnnlab.cli.TrainCommandTest.assertOneLineError;
import static org.rnnlab.cli.TrainCommandTest.run;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.task.registry.Tasks;
import org.rnnlab.training.ModelFactory;
import org.rnnlab.training.SimulationSettings;

/** The encoder-decoder (numbers) refuses gate clamps with the reason, instead of ignoring them. */
class EncoderDecoderClampTest {

    @Test
    void trainRefusesAClampOnNumbersInOneLine() {
        assertOneLineError(run("train", "--task", "numbers", "--clamp", "forget=1@1", "--steps", "1"),
                "clamp f=1@1", "'numbers' is an encoder-decoder", "do not take gate clamps");
    }

    @Test
    void theModelFactoryRefusesItAndStillBuildsOtherClampedRuns() {
        SimulationSettings numbers = SimulationSettings.defaults().withTask("numbers", 4)
                .withClamp(GateClamp.parse("forget=1@1"));
        assertThatThrownBy(() -> ModelFactory.model(numbers, Tasks.create("numbers", TaskOptions.defaults())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encoder-decoder");
        SimulationSettings order = SimulationSettings.defaults().withTask("order", 10)
                .withClamp(GateClamp.parse("forget=1@1"));
        assertThat(ModelFactory.model(order, Tasks.create("order", TaskOptions.defaults().withLength(10)))
                .parameterCount()).isPositive();
        assertThat(run("train", "--task", "numbers", "--steps", "1", "--quiet").code()).isZero();
    }
}

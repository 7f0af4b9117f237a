package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Param;
import org.rnnlab.io.SessionFile;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Trainer;
import org.rnnlab.training.TrainerConfig;

/**
 * {@code train --save-session}: the saved session reopens where training stopped, and continuing
 * it in the simulator gives the same bits as training one iteration longer.
 */
class TrainSaveSessionTest {

    @TempDir
    Path dir;

    @Test
    void theSavedSessionContinuesTheRunBitForBit() throws Exception {
        Path file = dir.resolve("run.json");
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--task", "adding", "--cell", "lstm", "--hidden", "3",
                "--seq", "6", "--steps", "9", "--batch", "4", "--seed", "5", "--quiet", "--save-session", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("session saved to").contains("opens at iteration 10");

        SessionState saved = SessionFile.read(file);
        assertThat(saved.iteration()).isEqualTo(10);
        assertThat(saved.history()).hasSize(9);
        Simulation sim = Simulation.restore(saved, DefaultTasks.factory());
        sim.finishIteration();

        TrainerConfig ten = TrainerConfig.of(saved.settings(), 10, 100).withEarlyStop(false);
        Trainer longer = new Trainer(ten, DefaultTasks.factory());
        longer.run(null);
        List<Param> expected = longer.model().params();
        List<Param> actual = sim.model().params();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).value().data).as(expected.get(i).name()).isEqualTo(expected.get(i).value().data);
        }
        assertThat(saved.settings().cell()).isEqualTo(CellKind.LSTM);
    }

    @Test
    void aMissingDirectoryIsRefusedBeforeTraining() {
        Path file = dir.resolve("no/such/dir/run.json");
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--task", "adding", "--hidden", "2", "--seq", "4",
                "--steps", "1", "--save-session", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: --save-session: folder").doesNotContain("\n");
        assertThat(Files.exists(file)).isFalse();
    }
}

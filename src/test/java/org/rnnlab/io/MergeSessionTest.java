package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepRecurrent.Merge;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.Param;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;

/**
 * A bidirectional session's merge mode is saved ({@code merge_mode}, Keras's names) and reopens
 * bit-exact; concat writes no field, so sessions saved before merge modes (which have none) read
 * as concat; a bad mode is refused naming the field.
 */
class MergeSessionTest {
    @TempDir
    Path dir;

    private Path save(Merge merge) throws Exception {
        SimulationSettings s = SimulationSettings.defaults().withCell(CellKind.GRU).withTask("order", 6).withBatchSize(3)
                .withLayers(2, true).withMerge(merge);
        Simulation sim = new Simulation(s, SessionFileTest.TASKS);
        sim.trainIteration();
        for (int i = 0; i < sim.steps() + 3; i++) {
            sim.stepForward();
        }
        Path f = dir.resolve(merge.keras() + ".json");
        SessionFile.write(f, sim.capture(), sim.model().params().stream().map(Param::name).toList(), null);
        Simulation back = Simulation.restore(SessionFile.readContents(f, SessionFileTest.TASKS).state(),
                SessionFileTest.TASKS);
        assertThat(back.settings()).isEqualTo(sim.settings());
        assertThat(((DeepSequenceModel) back.model()).merge()).isEqualTo(merge);
        back.trainIteration();
        sim.trainIteration();
        for (int i = 0; i < sim.model().params().size(); i++) {
            assertThat(back.model().params().get(i).value().data).as(sim.model().params().get(i).name())
                    .containsExactly(sim.model().params().get(i).value().data);
        }
        return f;
    }

    @Test
    void everyMergeModeReopensBitExact() throws Exception {
        for (Merge m : Merge.values()) {
            String json = Files.readString(save(m));
            if (m == Merge.CONCAT) {
                assertThat(json).doesNotContain("merge_mode");
            } else {
                assertThat(json).contains("\"merge_mode\" : \"" + m.keras() + "\"");
            }
        }
    }

    @Test
    void aBadModeIsRefusedNamingTheField() throws Exception {
        String json = Files.readString(save(Merge.SUM));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.replace("\"merge_mode\" : \"sum\"", "\"merge_mode\" : \"max\""));
        assertThatThrownBy(() -> SessionFile.read(bad, SessionFileTest.TASKS)).isInstanceOf(FormatException.class)
                .hasMessageContaining("merge_mode").hasMessageContaining("max");
    }
}

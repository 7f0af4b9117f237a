package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.Param;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;

/** A session saves its gate clamp and reopens with it; a session without one writes no clamp field. */
class GateClampSessionTest {
    @TempDir
    Path dir;

    private static Simulation trained(GateClamp clamp) {
        SimulationSettings s = SimulationSettings.defaults().withCell(CellKind.GRU).withTask("echo", 4).withBatchSize(3)
                .withClamp(clamp);
        Simulation sim = new Simulation(s, SessionFileTest.TASKS);
        sim.trainIteration();
        sim.trainIteration();
        return sim;
    }

    private Simulation saveAndOpen(Simulation sim, String name) throws Exception {
        Path f = dir.resolve(name);
        SessionFile.write(f, sim.capture(), sim.model().params().stream().map(Param::name).toList(), null);
        return Simulation.restore(SessionFile.readContents(f, SessionFileTest.TASKS).state(), SessionFileTest.TASKS);
    }

    @Test
    void theClampIsSavedAndTheReopenedRunIsBitExact() throws Exception {
        GateClamp c = GateClamp.parse("update=1@2:u1");
        Simulation sim = trained(c);
        Simulation back = saveAndOpen(sim, "c.json");
        assertThat(Files.readString(dir.resolve("c.json"))).contains("\"clamp\" : \"z=1@2:u1\"");
        assertThat(back.settings().clamp()).isEqualTo(c);
        assertThat(back.model().params().get(0).value().data).containsExactly(sim.model().params().get(0).value().data);
        back.trainIteration();
        sim.trainIteration();
        for (int i = 0; i < sim.model().params().size(); i++) {
            assertThat(back.model().params().get(i).value().data)
                    .containsExactly(sim.model().params().get(i).value().data);
        }
        assertThat(sim.model().params().get(0).value().data)
                .isNotEqualTo(trained(null).model().params().get(0).value().data);
    }

    @Test
    void aSessionWithoutAClampHasNoClampField() throws Exception {
        Simulation back = saveAndOpen(trained(null), "n.json");
        assertThat(Files.readString(dir.resolve("n.json"))).doesNotContain("clamp");
        assertThat(back.settings().clamp()).isNull();
    }
}

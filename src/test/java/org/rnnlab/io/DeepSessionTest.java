package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.Param;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;

/**
 * A stacked, bidirectional session saves its depth and reopens bit-exact in the middle of an
 * iteration; the tick CSV names each row's layer, direction and time; a one-layer session writes
 * no depth fields; a depth out of range is refused like the command line's.
 */
class DeepSessionTest {
    @TempDir
    Path dir;

    private static Simulation midway(int layers, boolean bi) {
        SimulationSettings s = SimulationSettings.defaults().withCell(CellKind.LSTM).withTask("echo", 4).withBatchSize(3)
                .withLayers(layers, bi);
        Simulation sim = new Simulation(s, SessionFileTest.TASKS);
        sim.trainIteration();
        sim.trainIteration();
        int forward = sim.steps();
        for (int i = 0; i < forward + 1 + 5; i++) {
            sim.stepForward();
        }
        return sim;
    }

    private Path save(Simulation sim, String name) throws Exception {
        Path f = dir.resolve(name);
        SessionFile.write(f, sim.capture(), sim.model().params().stream().map(Param::name).toList(), null);
        return f;
    }

    @Test
    void aDeepSessionReopensBitExactAndGoesOnTheSame() throws Exception {
        Simulation sim = midway(2, true);
        Path f = save(sim, "deep.json");
        String json = Files.readString(f);
        assertThat(json).contains("\"layers\" : 2").contains("\"bidirectional\" : true").contains("weight_hh_l1_reverse");
        Simulation back = Simulation.restore(SessionFile.readContents(f, SessionFileTest.TASKS).state(),
                SessionFileTest.TASKS);
        assertThat(back.settings()).isEqualTo(sim.settings());
        assertThat(back.model()).isInstanceOf(DeepSequenceModel.class);
        assertThat(back.snapshot(null, true).phaseText()).isEqualTo(sim.snapshot(null, true).phaseText());
        assertSameWeights(back, sim);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        TickCsvWriter.write(sim, a);
        TickCsvWriter.write(back, b);
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
        back.trainIteration();
        sim.trainIteration();
        assertSameWeights(back, sim);
    }

    @Test
    void theTickCsvSaysWhereEachRowIs() throws Exception {
        Simulation sim = midway(2, true);
        Path a = dir.resolve("t.csv");
        TickCsvWriter.write(sim, a);
        List<String> lines = Files.readAllLines(a);
        assertThat(lines.get(0)).startsWith("iteration,tick,layer,direction,t,sequence,unit,i_pre,i,");
        DeepSequenceModel m = (DeepSequenceModel) sim.model();
        int hidden = sim.settings().hiddenSize();
        // tick 13 = layer 1, reverse direction, t = 2 (T = 4); sequence 1, unit 3
        String[] row = lines.get(1 + (13 * 3 + 1) * hidden + 3).split(",", -1);
        assertThat(row).startsWith("3", "13", "1", "reverse", "2", "1", "3");
        int h = List.of(lines.get(0).split(",")).indexOf("h");
        assertThat(Double.parseDouble(row[h])).isEqualTo(m.stack().unroll(1, 1).h(1, 1, 3));
        int x8 = List.of(lines.get(0).split(",")).indexOf("x8");
        assertThat(x8).isPositive();
        assertThat(lines.get(1).split(",", -1)[x8]).as("layer 0 reads x of width 1").isEmpty();
    }

    @Test
    void aOneLayerSessionWritesNoDepthAndABadDepthIsRefused() throws Exception {
        Path one = save(midway(1, false), "one.json");
        String json = Files.readString(one);
        assertThat(json).doesNotContain("layers").doesNotContain("bidirectional");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(save(midway(2, false), "two.json")).replace("\"layers\" : 2",
                "\"layers\" : 7"));
        assertThatThrownBy(() -> SessionFile.read(bad, SessionFileTest.TASKS)).isInstanceOf(FormatException.class)
                .hasMessageContaining("settings.layers").hasMessageContaining("7");
    }

    private static void assertSameWeights(Simulation a, Simulation b) {
        for (int i = 0; i < b.model().params().size(); i++) {
            assertThat(a.model().params().get(i).value().data).as(b.model().params().get(i).name())
                    .containsExactly(b.model().params().get(i).value().data);
        }
    }
}

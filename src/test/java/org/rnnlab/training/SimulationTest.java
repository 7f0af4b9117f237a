package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.Param;

class SimulationTest {

    private static SimulationSettings settings(CellKind kind) {
        return SimulationSettings.defaults().withCell(kind).withTask("toy", 6).withBatchSize(3);
    }

    @Test
    void positionsWalkForwardLossBackwardUpdate() {
        Simulation sim = new Simulation(settings(CellKind.LSTM), ToyTask.factory());
        assertThat(sim.positions()).isEqualTo(14);
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < sim.positions(); i++) {
            sim.stepForward();
            Snapshot s = sim.snapshot(null, true);
            seen.append(s.phaseText()).append(';');
        }
        assertThat(seen.toString()).isEqualTo("Forward t=1/6;Forward t=2/6;Forward t=3/6;Forward t=4/6;Forward t=5/6;"
                + "Forward t=6/6;Loss;Backward t=6;Backward t=5;Backward t=4;Backward t=3;Backward t=2;Backward t=1;Update;");
    }

    @Test
    void snapshotShowsOnlyWhatTheCursorHasReached() {
        Simulation sim = new Simulation(settings(CellKind.GRU), ToyTask.factory());
        sim.jumpToBackward();
        Snapshot s = sim.snapshot(null, true);
        assertThat(s.phaseText()).isEqualTo("Backward t=6");
        assertThat(s.columns().forward()).doesNotContainNull();
        assertThat(s.columns().backward()[5]).isNotNull();
        assertThat(s.columns().backward()[4]).isNull();
        assertThat(s.status().loss()).isFinite();
        sim.seek(2);
        s = sim.snapshot(null, true);
        assertThat(s.phaseText()).isEqualTo("Forward t=3/6");
        assertThat(s.columns().forward()[2]).isNotNull();
        assertThat(s.columns().forward()[3]).isNull();
        assertThat(s.status().loss()).isNaN();
        assertThat(s.columns().backward()[5]).isNull();
    }

    @Test
    void snapshotNumbersAreTheEngines() {
        Simulation sim = new Simulation(settings(CellKind.LSTM), ToyTask.factory());
        sim.stepForward();
        sim.stepForward();
        Snapshot s = sim.snapshot(null, true);
        var u = sim.model().unroll();
        int f = s.run().cell().gateIndex("f");
        assertThat(s.columns().forward()[1].gates()[f][3]).isEqualTo(u.gate(1, f, 0, 3));
        assertThat(s.columns().forward()[1].h()[2]).isEqualTo(u.h(1, 0, 2));
        assertThat(s.columns().forward()[1].c()[2]).isEqualTo(u.c(1, 0, 2));
    }

    @Test
    void steppingAnIterationEqualsTrainingItBitForBit() {
        Simulation stepped = new Simulation(settings(CellKind.RNN), ToyTask.factory());
        for (int i = 0; i < stepped.positions(); i++) {
            stepped.stepForward();
        }
        stepped.trainIteration();
        Simulation trained = new Simulation(settings(CellKind.RNN), ToyTask.factory());
        trained.trainIteration();
        trained.trainIteration();
        List<Param> a = stepped.model().params();
        List<Param> b = trained.model().params();
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).value().data).as(a.get(i).name()).containsExactly(b.get(i).value().data);
        }
    }

    @Test
    void aTrainedIterationShowsTheSameBackwardPassAsAStepped() {
        for (CellKind kind : CellKind.values()) {
            Simulation stepped = new Simulation(settings(kind), ToyTask.factory());
            for (int i = 0; i < stepped.positions(); i++) {
                stepped.stepForward();
            }
            Simulation trained = new Simulation(settings(kind), ToyTask.factory());
            trained.trainIteration();
            assertSameColumns(kind, stepped.snapshot(null, true), trained.snapshot(null, true));
            stepped.selectRow(1);
            trained.selectRow(1);
            assertSameColumns(kind, stepped.snapshot(null, true), trained.snapshot(null, true));
        }
    }

    private static void assertSameColumns(CellKind kind, Snapshot a, Snapshot b) {
        assertThat(b.position().phase()).isEqualTo(a.position().phase());
        assertThat(b.sequence().row()).isEqualTo(a.sequence().row());
        for (int t = 0; t < a.position().steps(); t++) {
            assertThat(b.columns().backward()[t].jacobianNorm()).as("%s sigma_max at t %d", kind, t)
                    .isEqualTo(a.columns().backward()[t].jacobianNorm());
            assertThat(b.columns().forward()[t]).as("%s forward column at t %d", kind, t).usingRecursiveComparison()
                    .withComparatorForType(Double::compare, Double.class).isEqualTo(a.columns().forward()[t]);
            assertThat(b.columns().backward()[t]).as("%s backward column at t %d", kind, t).usingRecursiveComparison()
                    .withComparatorForType(Double::compare, Double.class).isEqualTo(a.columns().backward()[t]);
        }
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentRun() {
        Simulation a = new Simulation(settings(CellKind.GRU), ToyTask.factory());
        Simulation b = new Simulation(settings(CellKind.GRU), ToyTask.factory());
        Simulation c = new Simulation(settings(CellKind.GRU).withSeed(7), ToyTask.factory());
        for (int i = 0; i < 5; i++) {
            a.trainIteration();
            b.trainIteration();
            c.trainIteration();
        }
        assertThat(a.model().cell().weightHh().value().data).containsExactly(b.model().cell().weightHh().value().data);
        assertThat(a.model().cell().weightHh().value().data).isNotEqualTo(c.model().cell().weightHh().value().data);
    }

    @Test
    void divergenceIsAStateNotAnException() {
        SimulationSettings s = settings(CellKind.RNN).withTraining(1e6, org.rnnlab.engine.OptimizerKind.SGD, false, 1.0);
        Simulation sim = new Simulation(s, ToyTask.factory());
        StepResult r = null;
        for (int i = 0; i < 50 && (r == null || !r.diverged()); i++) {
            r = sim.trainIteration();
        }
        assertThat(r.diverged()).isTrue();
        Snapshot snap = sim.snapshot(null, false);
        assertThat(snap.status().divergence()).isNotNull();
        assertThat(snap.status().divergence().describe()).startsWith("diverged at");
    }

    @Test
    void anEncoderDecoderStepsThroughEncoderThenDecoderTicks() {
        SimulationSettings s = SimulationSettings.defaults().withCell(CellKind.GRU).withTask("numbers", 4).withBatchSize(2)
                .withTaskOptions(org.rnnlab.task.TaskOptions.defaults());
        Simulation sim = new Simulation(s, (id, t, seed) -> org.rnnlab.task.registry.Tasks.create(id,
                org.rnnlab.task.TaskOptions.defaults().withSeed(seed)));
        int enc = sim.model().encoderTicks();
        assertThat(enc).isGreaterThan(0);
        assertThat(sim.steps()).isGreaterThan(enc);
        sim.finishIteration();
        Snapshot snap = sim.snapshot(null, true);
        assertThat(snap.run().encoderTicks()).isEqualTo(enc);
        assertThat(snap.sequence().lossMask()[0]).isZero();
        assertThat(snap.columns().forward()[enc].output()[0]).isFinite();
        assertThat(snap.columns().forward()[0].output()[0]).isNaN();
        // the decoder's first tick starts from the encoder's final state
        var encU = sim.model().unrollAt(enc - 1);
        var decU = sim.model().unrollAt(enc);
        assertThat(decU.h(-1, 1, 2)).isEqualTo(encU.h(enc - 1, 1, 2));
        // the gradient reaches the encoder's first tick
        assertThat(snap.columns().backward()[0].dhNorm()).isPositive();
        assertThat(snap.columns().backward()[0].jacobianNorm()).isFinite();
    }

    @Test
    void steppingAnEncoderDecoderEqualsTrainingItBitForBit() {
        SimulationSettings s = SimulationSettings.defaults().withCell(CellKind.LSTM).withTask("numbers", 4).withBatchSize(3);
        TaskFactory f = (id, t, seed) -> org.rnnlab.task.registry.Tasks.create(id, org.rnnlab.task.TaskOptions.defaults().withSeed(seed));
        Simulation stepped = new Simulation(s, f);
        for (int i = 0; i < stepped.positions(); i++) {
            stepped.stepForward();
        }
        Simulation trained = new Simulation(s, f);
        trained.trainIteration();
        for (int i = 0; i < stepped.model().params().size(); i++) {
            assertThat(stepped.model().params().get(i).value().data)
                    .containsExactly(trained.model().params().get(i).value().data);
        }
    }

    @Test
    void anEvaluatedMetricReachesTheIterationRecord() {
        Simulation sim = new Simulation(settings(CellKind.GRU), ToyTask.factory());
        sim.trainIteration();
        sim.trainIteration();
        sim.setLastMetric(0.25);
        List<IterationRecord> r = sim.history();
        assertThat(r).hasSize(2);
        assertThat(r.get(0).testMetric()).isNaN();
        assertThat(r.get(1).testMetric()).isEqualTo(0.25);
        assertThat(sim.snapshot(null, false).status().lastMetric()).isEqualTo(0.25);
        assertThat(sim.capture().history().get(1).testMetric()).isEqualTo(0.25);
    }

    @Test
    void anEncoderDecoderIsNotDivergedBeforeItsLoss() {
        SimulationSettings s = SimulationSettings.defaults().withCell(CellKind.GRU).withTask("numbers", 4).withBatchSize(2);
        Simulation sim = new Simulation(s, (id, t, seed) -> org.rnnlab.task.registry.Tasks.create(id,
                org.rnnlab.task.TaskOptions.defaults().withSeed(seed)));
        sim.stepForward();
        assertThat(sim.snapshot(null, true).status().divergence()).isNull();
        sim.finishIteration();
        assertThat(sim.snapshot(null, true).status().divergence()).isNull();
    }
}

package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;

/** Comparison and sweep runs: same results on one thread or two, in plan order. */
class TrainerSweepTest {

    private static TrainerConfig base() {
        SimulationSettings s = SimulationSettings.defaults().withTask("toy", 4).withBatchSize(4).withHiddenSize(3);
        return TrainerConfig.of(s, 12, 5).withEarlyStop(false);
    }

    @Test
    void comparisonTrainsEachCellOnTheSameSeedAsASingleRunWould() {
        List<CellKind> cells = List.of(CellKind.RNN, CellKind.LSTM, CellKind.GRU);
        List<CellKind> seen = Collections.synchronizedList(new ArrayList<>());
        List<ComparisonRow> rows = Comparison.run(base(), ToyTask.factory(), cells, 2, (c, r) -> seen.add(c));
        assertThat(rows).extracting(ComparisonRow::cell).containsExactlyElementsOf(cells);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(cells);
        for (ComparisonRow row : rows) {
            TrainerConfig c = base().withSettings(base().settings().withCell(row.cell()));
            Trainer.Result alone = new Trainer(c, ToyTask.factory()).run(null);
            assertThat(row.result().finalMetric()).isEqualTo(alone.finalMetric());
            assertThat(row.result().iterations()).isEqualTo(12);
            assertThat(row.result().parameterCount()).isEqualTo(alone.parameterCount());
        }
        assertThat(rows.get(0).result().parameterCount()).isLessThan(rows.get(2).result().parameterCount());
        assertThat(rows.get(2).result().parameterCount()).isLessThan(rows.get(1).result().parameterCount());
    }

    @Test
    void sweepIsTheSameOnOneThreadOrTwo() {
        SweepPlan plan = new SweepPlan(base(), List.of(CellKind.RNN, CellKind.GRU), List.of(2, 3), List.of(3, 5),
                SweepPlan.seeds(10, 2));
        assertThat(plan.size()).isEqualTo(16);
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        SweepResult one = Sweep.run(plan, ToyTask.factory(), 1, null);
        SweepResult two = Sweep.run(plan, ToyTask.factory(), 2, (run, n, total) -> done.add(n));
        assertThat(done).hasSize(16).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 16)
                .boxed().toList());
        assertThat(two.runs()).hasSize(16);
        for (int i = 0; i < 16; i++) {
            SweepRun a = one.runs().get(i);
            SweepRun b = two.runs().get(i);
            assertThat(b.cell()).isEqualTo(a.cell());
            assertThat(b.hidden()).isEqualTo(a.hidden());
            assertThat(b.length()).isEqualTo(a.length());
            assertThat(b.seed()).isEqualTo(a.seed());
            assertThat(Double.doubleToRawLongBits(b.result().finalMetric()))
                    .isEqualTo(Double.doubleToRawLongBits(a.result().finalMetric()));
        }
        SweepRun first = one.runs().get(0);
        assertThat(first.cell()).isEqualTo(CellKind.RNN);
        assertThat(first.hidden()).isEqualTo(2);
        assertThat(first.length()).isEqualTo(3);
        assertThat(first.seed()).isEqualTo(10);
        Trainer.Result alone = new Trainer(plan.config(CellKind.RNN, 2, 3, 10), ToyTask.factory()).run(null);
        assertThat(first.result().finalMetric()).isEqualTo(alone.finalMetric());
    }

    @Test
    void successRatesAndMediansCountSolvedRuns() {
        TrainerConfig c = base().withEarlyStop(true);
        // solved at the first evaluation (iteration 5) for seeds ≤ 2, never for seed 3
        TaskFactory tasks = (id, t, seed) -> new TrainerTest.Thresholded(new ToyTask(t, seed), seed <= 2 ? 1e9 : 1e-12);
        SweepPlan plan = new SweepPlan(c, List.of(CellKind.GRU, CellKind.RNN), List.of(3), List.of(3, 4),
                SweepPlan.seeds(1, 3));
        SweepResult r = Sweep.run(plan, tasks, 2, null);
        assertThat(r.successes(CellKind.GRU, 3, 3)).isEqualTo(2);
        assertThat(r.successes(CellKind.RNN, 3, 4)).isEqualTo(2);
        assertThat(r.runs(CellKind.GRU, 3, 3)).hasSize(3).extracting(SweepRun::seed).containsExactly(1L, 2L, 3L);
        assertThat(r.runs(CellKind.LSTM, 3, 3)).isEmpty();
        assertThat(r.medianIterationsToSolve(CellKind.GRU, 3, 4)).isEqualTo(5);
        assertThat(r.runs(CellKind.GRU, 3, 4).get(2).result().status()).isEqualTo(Trainer.Status.COMPLETED);
        assertThat(r.runs(CellKind.GRU, 3, 4).get(2).result().iterations()).isEqualTo(12);
        assertThat(r.cpuSeconds()).isPositive();
        SweepPlan none = new SweepPlan(c, List.of(CellKind.GRU), List.of(3), List.of(3), List.of(3L));
        assertThat(Sweep.run(none, tasks, 1, null).medianIterationsToSolve(CellKind.GRU, 3, 3)).isEqualTo(-1);
    }

    @Test
    void plansRejectEmptyOrRepeatedLists() {
        assertThatThrownBy(() -> new SweepPlan(base(), List.of(), List.of(3), List.of(3), List.of(1L)))
                .hasMessageContaining("cells");
        assertThatThrownBy(() -> new SweepPlan(base(), List.of(CellKind.RNN, CellKind.RNN), List.of(3), List.of(3),
                List.of(1L))).hasMessageContaining("repeat");
        assertThatThrownBy(() -> SweepPlan.seeds(1, 0)).hasMessageContaining("1..1000");
        assertThatThrownBy(() -> Sweep.run(new SweepPlan(base(), List.of(CellKind.RNN), List.of(3), List.of(3),
                List.of(1L)), ToyTask.factory(), 0, null)).hasMessageContaining("threads");
    }

    @Test
    void aSweepOverDepthGivesEachDepthItsDefaultRateOrTheGivenOne() {
        SweepPlan byDepth = new SweepPlan(base(), List.of(CellKind.LSTM), List.of(3), List.of(4), List.of(1L),
                List.of(1, 2, 4), 0.01);
        assertThat(byDepth.config(CellKind.LSTM, 1, 3, 4, 1L).settings().learningRate()).isEqualTo(0.01);
        assertThat(byDepth.config(CellKind.LSTM, 2, 3, 4, 1L).settings().learningRate()).isEqualTo(0.005);
        assertThat(byDepth.config(CellKind.LSTM, 4, 3, 4, 1L).settings().learningRate()).isEqualTo(0.0025);
        SweepPlan given = new SweepPlan(base().withSettings(base().settings().withTraining(0.02,
                base().settings().optimizer(), true, 1.0)), List.of(CellKind.LSTM), List.of(3), List.of(4), List.of(1L),
                List.of(1, 2));
        assertThat(given.config(CellKind.LSTM, 2, 3, 4, 1L).settings().learningRate()).isEqualTo(0.02);
        assertThatThrownBy(() -> TrainerConfig.defaultLearningRate(0.01, 0)).hasMessageContaining("layers must be at least 1, was 0");
    }
}

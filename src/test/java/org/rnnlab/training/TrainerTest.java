package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.Metric;
import org.rnnlab.task.MetricAccumulator;
import org.rnnlab.task.Predictions;
import org.rnnlab.task.Task;

class TrainerTest {

    private static SimulationSettings settings(CellKind kind) {
        return SimulationSettings.defaults().withCell(kind).withTask("toy", 5).withBatchSize(4).withHiddenSize(4);
    }

    private static TrainerConfig config(CellKind kind, long iterations, long evalEvery) {
        return TrainerConfig.of(settings(kind), iterations, evalEvery);
    }

    @Test
    void sameSeedGivesBitIdenticalRecords() {
        for (CellKind kind : CellKind.values()) {
            TrainerConfig c = config(kind, 40, 7).withEarlyStop(false);
            Trainer.Result a = new Trainer(c, ToyTask.factory()).run(null);
            Trainer.Result b = new Trainer(c, ToyTask.factory()).run(null);
            assertThat(a.records()).hasSize(40);
            assertThat(b.records()).isEqualTo(a.records());
            assertThat(Double.doubleToRawLongBits(b.finalMetric())).isEqualTo(Double.doubleToRawLongBits(a.finalMetric()));
            Trainer.Result other = new Trainer(c.withSettings(c.settings().withSeed(43)), ToyTask.factory()).run(null);
            assertThat(other.records()).isNotEqualTo(a.records());
        }
    }

    @Test
    void sameRunOnAnotherThreadBesideAnotherRun() throws Exception {
        TrainerConfig c = config(CellKind.GRU, 30, 10).withEarlyStop(false);
        Trainer.Result here = new Trainer(c, ToyTask.factory()).run(null);
        ExecutorService exec = Executors.newFixedThreadPool(2);
        try {
            Future<Trainer.Result> a = new Trainer(c, ToyTask.factory()).start(exec, null);
            Future<Trainer.Result> b = new Trainer(c.withSettings(c.settings().withSeed(7)), ToyTask.factory())
                    .start(exec, null);
            assertThat(a.get(1, TimeUnit.MINUTES).records()).isEqualTo(here.records());
            assertThat(b.get(1, TimeUnit.MINUTES).records()).isNotEqualTo(here.records());
        } finally {
            exec.shutdownNow();
        }
    }

    @Test
    void iterationsAreTheSimulatorsIterations() {
        SimulationSettings s = settings(CellKind.LSTM);
        Simulation sim = new Simulation(s, ToyTask.factory());
        for (int i = 0; i < 12; i++) {
            sim.trainIteration();
        }
        Trainer trainer = new Trainer(TrainerConfig.of(s, 12, 100), ToyTask.factory());
        Trainer.Result r = trainer.run(null);
        List<IterationRecord> simRecords = sim.history();
        for (int i = 0; i < 12; i++) {
            IterationRecord a = simRecords.get(i);
            IterationRecord b = r.records().get(i);
            assertThat(b.loss()).isEqualTo(a.loss());
            assertThat(b.normBefore()).isEqualTo(a.normBefore());
            assertThat(b.gradientRatio()).isEqualTo(a.gradientRatio());
        }
        List<Param> pa = sim.model().params();
        List<Param> pb = trainer.model().params();
        for (int i = 0; i < pa.size(); i++) {
            assertThat(pb.get(i).value().data).as(pa.get(i).name()).containsExactly(pa.get(i).value().data);
        }
    }

    @Test
    void recordsCarryTheMetricOnlyWhereEvaluatedAndTheNormsAndRatio() {
        Trainer.Result r = new Trainer(config(CellKind.RNN, 25, 10).withEarlyStop(false), ToyTask.factory()).run(null);
        assertThat(r.status()).isEqualTo(Trainer.Status.COMPLETED);
        assertThat(r.iterations()).isEqualTo(25);
        for (IterationRecord rec : r.records()) {
            boolean evaluated = rec.iteration() % 10 == 0 || rec.iteration() == 25;
            assertThat(Double.isNaN(rec.testMetric())).as("metric at %d", rec.iteration()).isEqualTo(!evaluated);
            assertThat(rec.loss()).isFinite().isPositive();
            assertThat(rec.normAfter()).isLessThanOrEqualTo(rec.clipThreshold() + 1e-9);
            assertThat(rec.normBefore()).isGreaterThanOrEqualTo(rec.normAfter() - 1e-12);
            assertThat(rec.clipThreshold()).isEqualTo(1.0);
            assertThat(rec.gradientRatio()).isFinite().isPositive();
            assertThat(rec.diverged()).isFalse();
        }
        assertThat(r.finalMetric()).isEqualTo(r.records().get(24).testMetric());
        assertThat(r.records()).extracting(IterationRecord::iteration).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
    }

    @Test
    void metricImprovesOnTheToyTask() {
        Trainer.Result r = new Trainer(config(CellKind.GRU, 300, 300).withEarlyStop(false), ToyTask.factory()).run(null);
        double untrained = new Trainer(config(CellKind.GRU, 1, 1), ToyTask.factory()).run(null).finalMetric();
        assertThat(r.finalMetric()).isLessThan(untrained / 2);
    }

    @Test
    void stopsEarlyAtTheFirstEvaluationThatReachesTheThreshold() {
        TrainerConfig full = config(CellKind.GRU, 300, 10).withEarlyStop(false);
        Trainer.Result all = new Trainer(full, ToyTask.factory()).run(null);
        List<IterationRecord> evals = all.records().stream().filter(r -> !Double.isNaN(r.testMetric())).toList();
        double start = evals.get(0).testMetric();
        double best = evals.stream().mapToDouble(IterationRecord::testMetric).min().orElseThrow();
        assertThat(best).isLessThan(start);
        double threshold = (start + best) / 2;
        long expected = evals.stream().filter(r -> r.testMetric() <= threshold).findFirst().orElseThrow().iteration();

        TaskFactory withThreshold = (id, t, seed) -> new Thresholded(new ToyTask(t, seed), threshold);
        Trainer.Result r = new Trainer(full.withEarlyStop(true), withThreshold).run(null);
        assertThat(r.status()).isEqualTo(Trainer.Status.SOLVED);
        assertThat(r.iterations()).isEqualTo(expected).isLessThan(300);
        assertThat(r.solved()).isTrue();
        assertThat(r.finalMetric()).isLessThanOrEqualTo(threshold);
        assertThat(r.records()).hasSize((int) expected);

        Trainer.Result unsolved = new Trainer(full.withEarlyStop(true).withIterations(5),
                (id, t, seed) -> new Thresholded(new ToyTask(t, seed), 1e-12)).run(null);
        assertThat(unsolved.status()).isEqualTo(Trainer.Status.COMPLETED);
        assertThat(unsolved.solved()).isFalse();
        assertThat(unsolved.finalMetric()).isFinite();
    }

    @Test
    void withAValidationSetItStopsOnItAndOtherwiseKeepsTheBestValidationWeights() {
        TrainerConfig c = config(CellKind.GRU, 200, 10);
        // validation: another seed's sequences, so the validation and test metrics differ
        TaskFactory never = (id, t, seed) -> new Thresholded(new ToyTask(t, seed), 1e-12, new ToyTask(t, seed + 99));
        List<long[]> at = new ArrayList<>();
        List<Double> validated = new ArrayList<>();
        Trainer keep = new Trainer(c, never);
        Trainer.Result all = keep.run(new TrainingListener() {
            @Override
            public void validated(long iteration, double v) {
                at.add(new long[] {iteration});
                validated.add(v);
            }
        });
        assertThat(all.status()).isEqualTo(Trainer.Status.COMPLETED);
        assertThat(validated).hasSize(20);
        int best = 0;
        for (int k = 1; k < validated.size(); k++) {
            best = validated.get(k) < validated.get(best) ? k : best;
        }
        long bestAt = at.get(best)[0];
        assertThat(bestAt).as("the best validation is not the last, or the test proves nothing").isLessThan(200);
        assertThat(all.chosenIteration()).isEqualTo(bestAt);
        assertThat(all.validationMetric()).isEqualTo(validated.get(best));
        assertThat(all.finalMetric()).as("the test metric of the chosen weights")
                .isEqualTo(all.records().get((int) bestAt - 1).testMetric());
        Trainer upToBest = new Trainer(c.withIterations(bestAt).withEarlyStop(false), never);
        upToBest.run(null);
        List<Param> kept = keep.model().params();
        for (int i = 0; i < kept.size(); i++) {
            assertThat(kept.get(i).value().data).as(kept.get(i).name())
                    .containsExactly(upToBest.model().params().get(i).value().data);
        }

        // a threshold that the validation metric passes at another evaluation than the test
        // metric: the run stops at the validation's
        List<Double> tested = all.records().stream().map(IterationRecord::testMetric).filter(m -> !Double.isNaN(m))
                .toList();
        double threshold = Double.NaN;
        int first = -1;
        for (int k = 1; k < validated.size() && first < 0; k++) {
            double cut = validated.get(k);
            int byValidation = firstAtOrBelow(validated, cut);
            if (byValidation != firstAtOrBelow(tested, cut)) {
                threshold = cut;
                first = byValidation;
            }
        }
        assertThat(first).as("some threshold tells the validation metric from the test metric").isPositive();
        double bar = threshold;
        Trainer.Result stopped = new Trainer(c, (id, t, seed) -> new Thresholded(new ToyTask(t, seed), bar,
                new ToyTask(t, seed + 99))).run(null);
        assertThat(stopped.status()).isEqualTo(Trainer.Status.SOLVED);
        assertThat(stopped.iterations()).isEqualTo(at.get(first)[0]);
        assertThat(stopped.validationMetric()).isEqualTo(validated.get(first));
        assertThat(stopped.finalMetric()).isEqualTo(all.records().get((int) at.get(first)[0] - 1).testMetric());
    }

    @Test
    void aTaskThatAveragesItsWeightsIsScoredAndEndsOnTheAverageOfTheChosenIteration() {
        TrainerConfig c = config(CellKind.LSTM, 60, 10);
        TaskFactory averaging = (id, t, seed) -> new Thresholded(new ToyTask(t, seed), 1e-12, new ToyTask(t, seed + 99),
                0.9);
        List<double[][]> averages = new ArrayList<>();
        Trainer trainer = new Trainer(c, averaging);
        Trainer.Result r = trainer.run(new TrainingListener() {
            double[][] a;

            @Override
            public void iteration(IterationRecord rec) {
                List<Param> p = trainer.model().params();
                if (a == null) {
                    a = new double[p.size()][];
                    Trainer fresh = new Trainer(c, averaging);
                    for (int k = 0; k < a.length; k++) {
                        a[k] = fresh.model().params().get(k).value().data.clone();
                    }
                }
                double[][] next = new double[a.length][];
                for (int k = 0; k < a.length; k++) {
                    next[k] = a[k].clone();
                    double[] w = p.get(k).value().data;
                    for (int j = 0; j < w.length; j++) {
                        next[k][j] = 0.9 * a[k][j] + (1 - 0.9) * w[j];
                    }
                }
                a = next;
                averages.add(next);
            }
        });
        double[][] chosen = averages.get((int) r.chosenIteration() - 1);
        List<Param> end = trainer.model().params();
        for (int k = 0; k < end.size(); k++) {
            assertThat(end.get(k).value().data).as(end.get(k).name()).containsExactly(chosen[k]);
        }
        Trainer plain = new Trainer(c.withEarlyStop(false), averaging);
        Trainer.Result raw = plain.run(null);
        assertThat(r.records().get(59).testMetric()).as("the average, not the raw weights, is scored")
                .isNotEqualTo(raw.records().get(59).testMetric());
    }

    private static int firstAtOrBelow(List<Double> values, double cut) {
        for (int k = 0; k < values.size(); k++) {
            if (values.get(k) <= cut) {
                return k;
            }
        }
        return -1;
    }

    @Test
    void cancelStopsAfterTheIterationInProgress() throws Exception {
        Trainer trainer = new Trainer(config(CellKind.LSTM, 1_000_000, 1000), ToyTask.factory());
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Trainer.Result> finished = new ArrayList<>();
        Future<Trainer.Result> f = trainer.startThread(new TrainingListener() {
            @Override
            public void iteration(IterationRecord r) {
                if (r.iteration() == 3) {
                    reached.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void finished(Trainer.Result r) {
                finished.add(r);
            }
        });
        assertThat(reached.await(1, TimeUnit.MINUTES)).isTrue();
        trainer.cancel();
        release.countDown();
        Trainer.Result r = f.get(1, TimeUnit.MINUTES);
        assertThat(r.status()).isEqualTo(Trainer.Status.CANCELLED);
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(trainer.iterationsDone()).isEqualTo(3);
        assertThat(finished).containsExactly(r);
        assertThat(r.solved()).isFalse();
    }

    @Test
    void cancellingTheFutureStopsTheRun() throws Exception {
        Trainer trainer = new Trainer(config(CellKind.RNN, 1_000_000, 1000), ToyTask.factory());
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        Future<Trainer.Result> f = trainer.startThread(new TrainingListener() {
            @Override
            public void iteration(IterationRecord r) {
                running.countDown();
                // hold the first iteration until the test cancels (the interrupt ends the wait), so a
                // slow test thread cannot find the run already solved and finished
                try {
                    held.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void finished(Trainer.Result r) {
                done.countDown();
            }
        });
        assertThat(running.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(f.cancel(true)).isTrue();
        assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(trainer.isCancelled()).isTrue();
        assertThat(trainer.iterationsDone()).isLessThan(1_000_000);
    }

    @Test
    void hugeLearningRateEndsDivergedWithoutAnException() {
        SimulationSettings s = settings(CellKind.RNN).withVariant(Nonlinearity.RELU, true, GruVariant.PYTORCH)
                .withTraining(1e6, OptimizerKind.SGD, false, 1.0);
        List<IterationRecord> streamed = new ArrayList<>();
        Trainer.Result r = new Trainer(TrainerConfig.of(s, 1000, 1000), ToyTask.factory()).run(new TrainingListener() {
            @Override
            public void iteration(IterationRecord rec) {
                streamed.add(rec);
            }
        });
        assertThat(r.status()).isEqualTo(Trainer.Status.DIVERGED);
        assertThat(r.iterations()).isLessThan(1000).isEqualTo(r.divergedAt());
        assertThat(r.divergenceMessage()).matches("diverged at iteration " + r.divergedAt() + " \\((tick \\d+, )?\\w.*\\)");
        assertThat(r.records()).last().extracting(IterationRecord::diverged).isEqualTo(true);
        assertThat(r.records().subList(0, r.records().size() - 1)).noneMatch(IterationRecord::diverged);
        assertThat(streamed).isEqualTo(r.records());
        assertThat(r.finalMetric()).isNaN();
        assertThat(r.solved()).isFalse();
    }

    @Test
    void weightsStayFiniteAfterDivergence() {
        SimulationSettings s = settings(CellKind.RNN).withVariant(Nonlinearity.RELU, true, GruVariant.PYTORCH)
                .withTraining(1e6, OptimizerKind.SGD, false, 1.0);
        Trainer t = new Trainer(TrainerConfig.of(s, 1000, 1000), ToyTask.factory());
        assertThat(t.run(null).status()).isEqualTo(Trainer.Status.DIVERGED);
        for (Param p : t.model().params()) {
            assertThat(java.util.Arrays.stream(p.value().data).allMatch(Double::isFinite)).as(p.name()).isTrue();
        }
    }

    @Test
    void keepsNoRecordsWhenAskedAndRunsOnce() {
        Trainer t = new Trainer(config(CellKind.GRU, 5, 5), ToyTask.factory()).keepRecords(false);
        List<IterationRecord> streamed = new ArrayList<>();
        Trainer.Result r = t.run(new TrainingListener() {
            @Override
            public void iteration(IterationRecord rec) {
                streamed.add(rec);
            }
        });
        assertThat(r.records()).isEmpty();
        assertThat(streamed).hasSize(5);
        assertThat(r.parameterCount()).isEqualTo(t.model().parameterCount());
        assertThatThrownBy(() -> t.run(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void configRejectsOutOfRangeValuesNamingThem() {
        SimulationSettings s = settings(CellKind.GRU);
        assertThatThrownBy(() -> TrainerConfig.of(s, 0, 1)).hasMessageContaining("iterations").hasMessageContaining("0");
        assertThatThrownBy(() -> TrainerConfig.of(s, 10, 0)).hasMessageContaining("evaluation interval");
        assertThatThrownBy(() -> new TrainerConfig(s, 10, 1, true, 0)).hasMessageContaining("evaluation batch");
        assertThatThrownBy(() -> new TrainerConfig(null, 10, 1, true, 1)).hasMessageContaining("settings");
    }

    /**
     * A task with another solved threshold, whose validation set is {@code validation}'s test set
     * (the inner task's own test set with the two-argument constructor).
     */
    record Thresholded(Task inner, double threshold, Task validation, double decay) implements Task {
        Thresholded(Task inner, double threshold) {
            this(inner, threshold, inner, 0);
        }

        Thresholded(Task inner, double threshold, Task validation) {
            this(inner, threshold, validation, 0);
        }

        @Override public double weightAverage() { return decay; }

        @Override public List<TaskBatch> validationBatches(int b) { return validation.testBatches(b); }
        @Override public String id() { return inner.id(); }
        @Override public String title() { return inner.title(); }
        @Override public String description() { return inner.description(); }
        @Override public IoPattern pattern() { return inner.pattern(); }
        @Override public int inputSize() { return inner.inputSize(); }
        @Override public int vocabulary() { return inner.vocabulary(); }
        @Override public int outputSize() { return inner.outputSize(); }
        @Override public LossKind loss() { return inner.loss(); }
        @Override public int sequenceLength() { return inner.sequenceLength(); }
        @Override public TaskBatch trainBatch(int b, SplittableRandom rng) { return inner.trainBatch(b, rng); }
        @Override public List<TaskBatch> testBatches(int b) { return inner.testBatches(b); }
        @Override public Metric metric() { return new Metric("MSE", false, threshold); }
        @Override public void score(TaskBatch b, Predictions p, MetricAccumulator acc) { inner.score(b, p, acc); }
        @Override public String baseline() { return inner.baseline(); }
    }
}

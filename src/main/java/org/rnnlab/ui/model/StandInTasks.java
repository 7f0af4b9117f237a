package org.rnnlab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.Metric;
import org.rnnlab.task.MetricAccumulator;
import org.rnnlab.task.Predictions;
import org.rnnlab.task.Task;

/**
 * The adding problem, standing in for the task catalogue until it is on main: each tick carries a
 * value u ~ U(0, 1) and a marker; exactly two ticks are marked, one in each half of the sequence,
 * and the target at the last tick is the sum of the two marked values (Hochreiter &amp;
 * Schmidhuber 1997, in the form of Le, Jaitly &amp; Hinton 2015). Many-to-one, MSE.
 */
final class StandInTasks {
    private StandInTasks() {}

    static List<String> ids() {
        return List.of("adding");
    }

    static Task create(String id, int steps, long seed) {
        if (!"adding".equals(id)) {
            throw new IllegalArgumentException("task must be one of " + ids() + ", was '" + id + "'");
        }
        if (steps < 2) {
            throw new IllegalArgumentException("sequence length must be at least 2 for the adding problem, was " + steps);
        }
        return new Adding(steps, seed);
    }

    private record Adding(int steps, long seed) implements Task {
        @Override public String id() { return "adding"; }
        @Override public String title() { return "Adding problem (Hochreiter & Schmidhuber 1997)"; }
        @Override public String description() {
            return "Add the two marked numbers of a long sequence: the answer depends on inputs far in the past.";
        }
        @Override public IoPattern pattern() { return IoPattern.MANY_TO_ONE; }
        @Override public int inputSize() { return 2; }
        @Override public int vocabulary() { return 0; }
        @Override public int outputSize() { return 1; }
        @Override public LossKind loss() { return LossKind.MSE; }
        @Override public int sequenceLength() { return steps; }

        @Override
        public TaskBatch trainBatch(int batchSize, SplittableRandom rng) {
            double[] x = new double[steps * batchSize * 2];
            double[] y = new double[steps * batchSize];
            int half = steps / 2;
            for (int b = 0; b < batchSize; b++) {
                int first = rng.nextInt(half);
                int second = half + rng.nextInt(steps - half);
                double sum = 0;
                for (int t = 0; t < steps; t++) {
                    double u = rng.nextDouble();
                    int i = (t * batchSize + b) * 2;
                    x[i] = u;
                    if (t == first || t == second) {
                        x[i + 1] = 1.0;
                        sum += u;
                    }
                }
                y[(steps - 1) * batchSize + b] = sum;
            }
            return new SequenceBatch(steps, batchSize, 2, x, null, 1, y, null, LossPlacement.LAST.mask(steps, batchSize));
        }

        @Override
        public List<TaskBatch> testBatches(int batchSize) {
            SplittableRandom rng = new SplittableRandom(seed ^ 0x7E57L);
            List<TaskBatch> out = new ArrayList<>();
            for (int left = 512; left > 0; left -= batchSize) {
                out.add(trainBatch(Math.min(left, batchSize), rng));
            }
            return out;
        }

        @Override public Metric metric() { return new Metric("MSE", false, 0.01); }

        @Override
        public void score(TaskBatch batch, Predictions p, MetricAccumulator acc) {
            SequenceBatch b = (SequenceBatch) batch;
            for (int r = 0; r < b.batch(); r++) {
                double d = p.output(steps - 1, r, 0) - b.targets()[(steps - 1) * b.batch() + r];
                acc.add(d * d);
            }
        }

        @Override public String baseline() { return "always 1.0: MSE ≈ 0.167"; }
    }
}

package org.rnnlab.training;

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

/** A minimal many-to-one regression task for testing the simulation machinery: the sum of the inputs. */
final class ToyTask implements Task {
    private final int steps;
    private final long seed;

    ToyTask(int steps, long seed) {
        this.steps = steps;
        this.seed = seed;
    }

    static TaskFactory factory() {
        return (id, t, seed) -> new ToyTask(t, seed);
    }

    @Override public String id() { return "toy"; }
    @Override public String title() { return "Toy sum"; }
    @Override public String description() { return "Sum of the inputs."; }
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
        for (int b = 0; b < batchSize; b++) {
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                double v = rng.nextDouble() - 0.5;
                x[(t * batchSize + b) * 2] = v;
                x[(t * batchSize + b) * 2 + 1] = 1.0;
                sum += v;
            }
            y[(steps - 1) * batchSize + b] = sum;
        }
        return new SequenceBatch(steps, batchSize, 2, x, null, 1, y, null, LossPlacement.LAST.mask(steps, batchSize));
    }

    @Override
    public List<TaskBatch> testBatches(int batchSize) {
        List<TaskBatch> l = new ArrayList<>();
        l.add(trainBatch(Math.min(batchSize, 32), new SplittableRandom(seed)));
        return l;
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

    @Override public String baseline() { return "zero: MSE ≈ T/12"; }
}

package org.rnnlab.ui.view;

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
import org.rnnlab.training.TaskFactory;

/**
 * Small tasks for the view tests (copied from the training tests' ToyTask and extended): "toy"
 * is a many-to-one regression (sum of the inputs, X = 2); "toyclass" an aligned many-to-many
 * classification (is the running sum positive? 2 classes, loss at every tick).
 */
final class ViewToyTask implements Task {
    private final int steps;
    private final long seed;
    private final boolean classification;

    ViewToyTask(int steps, long seed, boolean classification) {
        this.steps = steps;
        this.seed = seed;
        this.classification = classification;
    }

    static TaskFactory factory() {
        return (id, t, seed) -> new ViewToyTask(t, seed, id.equals("toyclass"));
    }

    @Override public String id() { return classification ? "toyclass" : "toy"; }
    @Override public String title() { return classification ? "Toy sign of running sum" : "Toy sum"; }
    @Override public String description() { return "Sum of the inputs."; }
    @Override public IoPattern pattern() { return classification ? IoPattern.MANY_TO_MANY : IoPattern.MANY_TO_ONE; }
    @Override public int inputSize() { return 2; }
    @Override public int vocabulary() { return 0; }
    @Override public int outputSize() { return classification ? 2 : 1; }
    @Override public LossKind loss() { return classification ? LossKind.CROSS_ENTROPY : LossKind.MSE; }
    @Override public int sequenceLength() { return steps; }

    @Override
    public TaskBatch trainBatch(int batchSize, SplittableRandom rng) {
        double[] x = new double[steps * batchSize * 2];
        double[] y = new double[steps * batchSize];
        int[] cls = new int[steps * batchSize];
        for (int b = 0; b < batchSize; b++) {
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                double v = rng.nextDouble() - 0.5;
                x[(t * batchSize + b) * 2] = v;
                x[(t * batchSize + b) * 2 + 1] = 1.0;
                sum += v;
                cls[t * batchSize + b] = sum > 0 ? 1 : 0;
            }
            y[(steps - 1) * batchSize + b] = sum;
        }
        if (classification) {
            return new SequenceBatch(steps, batchSize, 2, x, null, 2, null, cls, LossPlacement.EVERY.mask(steps, batchSize));
        }
        return new SequenceBatch(steps, batchSize, 2, x, null, 1, y, null, LossPlacement.LAST.mask(steps, batchSize));
    }

    @Override
    public List<TaskBatch> testBatches(int batchSize) {
        List<TaskBatch> l = new ArrayList<>();
        l.add(trainBatch(Math.min(batchSize, 32), new SplittableRandom(seed)));
        return l;
    }

    @Override public Metric metric() { return classification ? new Metric("accuracy", true, 0.9) : new Metric("MSE", false, 0.01); }

    @Override
    public void score(TaskBatch batch, Predictions p, MetricAccumulator acc) {
        SequenceBatch b = (SequenceBatch) batch;
        for (int r = 0; r < b.batch(); r++) {
            double d = p.output(steps - 1, r, 0) - (classification ? 0 : b.targets()[(steps - 1) * b.batch() + r]);
            acc.add(d * d);
        }
    }

    @Override public String baseline() { return "zero: MSE ≈ T/12"; }
}

package org.rnnlab.ui.lesson;

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
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.TaskFactory;

/**
 * The adding problem as the task branch defines it (values U(0, 1), one marker in each half,
 * target the sum of the two marked values at the last tick, MSE), for checking the lessons'
 * claims against the engine before the real task reaches main. {@link #factory()} prefers the
 * real task whenever {@link DefaultTasks} knows the id.
 */
final class AddingLikeTask implements Task {
    private final int steps;
    private final long seed;

    AddingLikeTask(int steps, long seed) {
        this.steps = steps;
        this.seed = seed;
    }

    /** The app's task for an id it knows; this stand-in for "adding" otherwise. */
    static TaskFactory factory() {
        return (id, t, s) -> {
            try {
                return DefaultTasks.create(id, t, s);
            } catch (IllegalArgumentException unknown) {
                if ("adding".equals(id)) {
                    return new AddingLikeTask(t, s);
                }
                throw unknown;
            }
        };
    }

    @Override public String id() { return "adding"; }
    @Override public String title() { return "Adding problem (test stand-in)"; }
    @Override public String description() { return "Sum of the two marked values."; }
    @Override public IoPattern pattern() { return IoPattern.MANY_TO_ONE; }
    @Override public int inputSize() { return 2; }
    @Override public int vocabulary() { return 0; }
    @Override public int outputSize() { return 1; }
    @Override public LossKind loss() { return LossKind.MSE; }
    @Override public int sequenceLength() { return steps; }

    @Override
    public TaskBatch trainBatch(int batchSize, SplittableRandom rng) {
        int tb = steps * batchSize;
        double[] x = new double[tb * 2];
        double[] y = new double[tb];
        int half = steps / 2;
        for (int b = 0; b < batchSize; b++) {
            for (int t = 0; t < steps; t++) {
                x[(t * batchSize + b) * 2] = rng.nextDouble();
            }
            int first = rng.nextInt(half);
            int second = half + rng.nextInt(steps - half);
            x[(first * batchSize + b) * 2 + 1] = 1.0;
            x[(second * batchSize + b) * 2 + 1] = 1.0;
            y[(steps - 1) * batchSize + b] = x[(first * batchSize + b) * 2] + x[(second * batchSize + b) * 2];
        }
        return new SequenceBatch(steps, batchSize, 2, x, null, 1, y, null, LossPlacement.LAST.mask(steps, batchSize));
    }

    @Override
    public List<TaskBatch> testBatches(int batchSize) {
        List<TaskBatch> l = new ArrayList<>();
        l.add(trainBatch(Math.min(batchSize, 64), new SplittableRandom(seed)));
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

    @Override public String baseline() { return "constant guess 1.0: MSE ≈ 0.167"; }
}

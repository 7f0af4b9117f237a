package org.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/**
 * A task whose sequences a generator draws: training batches from the generator the trainer
 * passes in, and a fixed test set and validation set from the task's own seed, so that the same
 * seed gives the same test and validation sets in every run.
 */
abstract class GeneratedTask implements Task {
    protected final int steps;
    protected final long seed;
    private final int testSize;

    protected GeneratedTask(int steps, long seed, int testSize) {
        this.steps = steps;
        this.seed = seed;
        this.testSize = testSize;
    }

    /** Fills {@code batch} sequences from {@code rng}. */
    protected abstract SequenceBatch generate(int batch, SplittableRandom rng);

    @Override
    public final int sequenceLength() {
        return steps;
    }

    public final long seed() {
        return seed;
    }

    @Override
    public final TaskBatch trainBatch(int batchSize, SplittableRandom rng) {
        TaskSupport.checkBatchSize(batchSize);
        return generate(batchSize, rng);
    }

    @Override
    public final List<TaskBatch> testBatches(int batchSize) {
        SplittableRandom rng = TaskSupport.testRandom(seed, id());
        List<TaskBatch> out = new ArrayList<>();
        for (int[] r : TaskSupport.ranges(testSize, batchSize)) {
            out.add(generate(r[1] - r[0], rng));
        }
        return out;
    }

    /**
     * As many sequences as the test set, drawn from the generator with a seed of their own
     * (the task's seed salted with "validation"), so they are neither the test sequences nor
     * (but by chance, as any two draws) the training batches.
     */
    @Override
    public final List<TaskBatch> validationBatches(int batchSize) {
        SplittableRandom rng = TaskSupport.testRandom(seed, "validation:" + id());
        List<TaskBatch> out = new ArrayList<>();
        for (int[] r : TaskSupport.ranges(testSize, batchSize)) {
            out.add(generate(r[1] - r[0], rng));
        }
        return out;
    }

    @Override
    public final int testSize() {
        return testSize;
    }
}

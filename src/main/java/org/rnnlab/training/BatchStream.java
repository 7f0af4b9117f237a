package org.rnnlab.training;

import java.util.SplittableRandom;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.task.Task;

/**
 * The training batches of a run: batch i is a pure function of (seed, i), drawn from its own
 * generator. A run can therefore resume at any iteration (a saved session, a replay) and get
 * exactly the batches it would have had, without storing generator state.
 *
 * <p>Batch i's generator is split off a generator seeded at base + γ·i (γ the golden gamma). Not
 * that generator itself: {@code new SplittableRandom(s)} steps its seed by γ, so the generators
 * seeded at base + γ·i and base + γ·(i+1) give the same numbers one draw apart, and consecutive
 * batches shared all but one of their sequences.
 */
public final class BatchStream {
    private final Task task;
    private final int batchSize;
    private final long base;

    public BatchStream(Task task, int batchSize, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.task = task;
        this.batchSize = batchSize;
        this.base = ModelFactory.batchSeed(seed);
    }

    /** The batch of 1-based iteration i. */
    public TaskBatch batch(long iteration) {
        return task.trainBatch(batchSize, new SplittableRandom(base + 0x9E3779B97F4A7C15L * iteration).split());
    }
}

package org.rnnlab.task;

import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.TaskBatch;

/**
 * A sequence problem from the course: seeded, with a train/test split, a metric, a "solved"
 * threshold and an I/O pattern that decides where the loss enters.
 *
 * <p>A task is immutable once built: its test set is fixed by its seed, and training batches
 * are drawn from a generator the trainer passes in, so the same seeds give the same run.
 */
public interface Task {
    /** Short id as used on the command line: "adding", "sine", ... */
    String id();

    /** A title for people, e.g. "Adding problem (Hochreiter & Schmidhuber 1997)". */
    String title();

    /** One or two sentences on what the network must do and what it teaches. */
    String description();

    IoPattern pattern();

    /** Width of a batch's input: features X for dense inputs, vocabulary size V for tokens. */
    int inputSize();

    /** V when inputs are tokens for an embedding, 0 for dense inputs. */
    int vocabulary();

    /** Y: outputs (regression) or classes (classification). */
    int outputSize();

    LossKind loss();

    /** The sequence length T this instance was built for (the longest, for variable lengths). */
    int sequenceLength();

    /** A training batch of B sequences drawn with {@code rng}. */
    TaskBatch trainBatch(int batchSize, SplittableRandom rng);

    /** The fixed test set, split into batches of at most {@code batchSize}. */
    List<TaskBatch> testBatches(int batchSize);

    Metric metric();

    /**
     * Scores a model's predictions on a test batch, accumulating into {@code acc}; the trainer
     * calls {@link MetricAccumulator#value()} after the last batch.
     */
    void score(TaskBatch batch, Predictions predictions, MetricAccumulator acc);

    /** A baseline to beat, stated for people, e.g. "constant guess 1.0: MSE ≈ 0.167". */
    String baseline();
}

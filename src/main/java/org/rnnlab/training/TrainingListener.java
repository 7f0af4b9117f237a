package org.rnnlab.training;

/**
 * Follows a {@link Trainer} run. Every method is called on the thread that runs the trainer, in
 * order, and must return quickly: a view hands the values to its own thread (a queue for the
 * records, which must not be dropped), the CLI prints now and then. An exception thrown here
 * propagates out of {@link Trainer#run}. All methods default to doing nothing.
 */
public interface TrainingListener {
    /** Nothing to follow. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** Before the first iteration, with the model built and its parameter count known. */
    default void started(Trainer trainer) {
    }

    /** After every iteration; {@link IterationRecord#testMetric()} is NaN unless it was evaluated. */
    default void iteration(IterationRecord record) {
    }

    /** After each evaluation of the test set (also reported in that iteration's record). */
    default void evaluated(long iteration, double testMetric) {
    }

    /**
     * After each evaluation of the validation set (when the task has one and early stopping is
     * on), just before that iteration's {@link #iteration} call.
     */
    default void validated(long iteration, double validationMetric) {
    }

    /** Once, when the run has ended for any reason. */
    default void finished(Trainer.Result result) {
    }

    /** Calls {@code first}, then {@code second}, for every event. */
    static TrainingListener both(TrainingListener first, TrainingListener second) {
        return new TrainingListener() {
            @Override
            public void started(Trainer trainer) {
                first.started(trainer);
                second.started(trainer);
            }

            @Override
            public void iteration(IterationRecord record) {
                first.iteration(record);
                second.iteration(record);
            }

            @Override
            public void evaluated(long iteration, double testMetric) {
                first.evaluated(iteration, testMetric);
                second.evaluated(iteration, testMetric);
            }

            @Override
            public void validated(long iteration, double validationMetric) {
                first.validated(iteration, validationMetric);
                second.validated(iteration, validationMetric);
            }

            @Override
            public void finished(Trainer.Result result) {
                first.finished(result);
                second.finished(result);
            }
        };
    }
}

package org.rnnlab.cli;

import org.rnnlab.training.Trainer;
import org.rnnlab.training.TrainingListener;

/**
 * Shows what the model does at the start of a run, at every evaluation that falls on a multiple
 * of {@code every} iterations, and at the end (once per iteration count).
 */
abstract class PeriodicSamples implements TrainingListener {
    private final long every;
    private Trainer trainer;
    private long lastShown = -1;

    PeriodicSamples(long every) {
        this.every = every;
    }

    /** Shows the model of {@code trainer} as it is after {@code iteration} iterations. */
    abstract void show(Trainer trainer, long iteration);

    @Override
    public final void started(Trainer t) {
        this.trainer = t;
        showOnce(0);
    }

    @Override
    public final void evaluated(long iteration, double testMetric) {
        if (every > 0 && iteration % every == 0) {
            showOnce(iteration);
        }
    }

    @Override
    public final void finished(Trainer.Result result) {
        showOnce(result.iterations());
    }

    private void showOnce(long iteration) {
        if (iteration != lastShown) {
            lastShown = iteration;
            show(trainer, iteration);
        }
    }
}

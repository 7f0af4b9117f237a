package org.rnnlab.training;

import java.util.function.Consumer;

/** The window's strategy: one {@link Simulation}, evaluated periodically (with samples for text). */
final class SingleRun implements LoopStrategy<Snapshot> {
    private Simulation sim;
    private PeriodicEvaluation evaluation;

    Simulation simulation() {
        return sim;
    }

    /** Engine thread: drives {@code next} from now on. */
    void install(Simulation next) {
        sim = next;
        evaluation = PeriodicEvaluation.withSamples(next);
    }

    @Override
    public boolean ready() {
        return sim != null;
    }

    @Override
    public String notReadyMessage() {
        return "no simulation yet: choose settings first";
    }

    @Override
    public void each(Consumer<Simulation> action) {
        action.accept(sim);
    }

    @Override
    public boolean trainIteration() {
        return sim.trainIteration().diverged();
    }

    @Override
    public void afterIteration(long done, long total) {
        evaluation.after(done, total);
    }

    @Override
    public Snapshot publish(Snapshot.Progress progress, boolean columns) {
        return sim.snapshot(progress, columns);
    }
}

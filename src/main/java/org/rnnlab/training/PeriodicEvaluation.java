package org.rnnlab.training;

import java.util.SplittableRandom;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.TextSampler;
import org.rnnlab.task.TextTask;

/**
 * When a run measures its test metric while it trains: every {@value #EVERY} iterations and
 * after the last one of a "train N". For a text task the policy also generates a sample from the
 * evaluated weights ({@link #withSamples}), seeded by the run's seed and iteration, so the same
 * run always shows the same text. Evaluating uses a model of its own ({@link Evaluator}), so it
 * never changes the run.
 */
final class PeriodicEvaluation {
    /** Evaluate the test metric every this many training iterations (and at the end). */
    static final long EVERY = 50;
    /** Characters generated for the text task at each evaluation, and at what temperature. */
    static final int SAMPLE_LENGTH = 160;
    static final double SAMPLE_TEMPERATURE = 0.8;

    private final Simulation sim;
    private final TextTask samples;
    private Evaluator evaluator;

    private PeriodicEvaluation(Simulation sim, TextTask samples) {
        this.sim = sim;
        this.samples = samples;
    }

    /** The metric only. */
    static PeriodicEvaluation of(Simulation sim) {
        return new PeriodicEvaluation(sim, null);
    }

    /** The metric, and a generated sample when the simulation's task is a text task. */
    static PeriodicEvaluation withSamples(Simulation sim) {
        return new PeriodicEvaluation(sim, sim.task() instanceof TextTask text ? text : null);
    }

    /** After iteration {@code done} of {@code total}: evaluates when the schedule says so. */
    void after(long done, long total) {
        if (done % EVERY == 0 || done == total) {
            sim.setLastMetric(evaluate());
        }
    }

    /** The test metric of the simulation's current weights (and a sample, for text). */
    double evaluate() {
        if (evaluator == null) {
            evaluator = new Evaluator(sim.task(), ModelFactory.model(sim.settings(), sim.task()), 256);
        }
        double metric = evaluator.evaluate(sim.model());
        if (samples != null && evaluator.scratch() instanceof SequenceModel copy) {
            String text = TextSampler.sample(copy, samples, "", SAMPLE_LENGTH, SAMPLE_TEMPERATURE,
                    new SplittableRandom(sim.settings().seed() ^ sim.iteration()));
            sim.setGenerated(new Snapshot.GeneratedText(sim.iteration(), SAMPLE_TEMPERATURE, text));
        }
        return metric;
    }
}

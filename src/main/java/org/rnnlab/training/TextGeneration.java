package org.rnnlab.training;

import java.util.SplittableRandom;
import org.rnnlab.engine.Model;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.Task;
import org.rnnlab.task.TextSampler;
import org.rnnlab.task.TextTask;

/**
 * Text generated on request from a run's current weights ({@link TextSampler}: the prompt is read,
 * then each character is drawn from softmax(y / τ) and read back). It runs on the engine thread
 * (through {@link EngineRunner#generate}) on a copy of the weights in a model of its own, so the
 * run is not touched; the draws are seeded by the run's seed and its number of updates, so the
 * same weights, prompt and temperature always give the same text.
 */
public final class TextGeneration {
    /** The temperatures the window offers. */
    public static final double MIN_TEMPERATURE = 0.2;
    public static final double MAX_TEMPERATURE = 2.0;

    private TextGeneration() {}

    /** What to generate: {@code length} characters after {@code prompt}, at temperature τ. */
    public record Request(String prompt, double temperature, int length) {
    }

    /**
     * Generated text: {@code prompt} then {@code continuation}, from the weights after
     * {@code updates} updates, drawn with {@code seed}.
     */
    public record Passage(String prompt, String continuation, double temperature, long updates, long seed) {
        /** The whole text as read: the prompt, then what the model wrote. */
        public String text() {
            return prompt + continuation;
        }
    }

    /**
     * The seed of a passage from a run of seed {@code runSeed} after {@code updates} updates: their
     * sum, small enough to read off the panel ({@link SplittableRandom} mixes neighbouring seeds
     * into unrelated streams).
     */
    public static long seed(long runSeed, long updates) {
        return runSeed + updates;
    }

    /**
     * Generates from {@code weights} (a model of the text task built from {@code settings}).
     *
     * @throws IllegalArgumentException if the task is not a text task, or the request is refused by
     *                                  the sampler (a prompt character outside the alphabet, a bad τ)
     */
    public static Passage generate(Model weights, SimulationSettings settings, Task task, long updates, Request r) {
        if (!(task instanceof TextTask text)) {
            throw new IllegalArgumentException("text generation needs the text task, the run's task is " + task.id());
        }
        SequenceModel copy = ModelFactory.sequenceModel(settings, text);
        Evaluator.copyWeights(weights, copy);
        long seed = seed(settings.seed(), updates);
        String prompt = r.prompt() == null ? "" : r.prompt();
        String out = TextSampler.sample(copy, text, prompt, r.length(), r.temperature(), new SplittableRandom(seed));
        return new Passage(prompt, out, r.temperature(), updates, seed);
    }

    /** {@link #generate} from a simulation's current weights (engine thread). */
    static Passage generate(Simulation sim, Request r) {
        return generate(sim.model(), sim.settings(), sim.task(), sim.history().updates(), r);
    }
}

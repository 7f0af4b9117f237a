package org.rnnlab.task;

import java.util.SplittableRandom;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;

/**
 * One-to-many generation from a character model (Karpathy 2015; Graves 2013, "Generating
 * Sequences With Recurrent Neural Networks"): the model reads a prime, then repeatedly samples
 * the next character from softmax(y / τ) and reads it back.
 *
 * <p>It drives the real model through the engine's tick API: a 1-tick, 1-sequence batch is
 * loaded for every character with the state the previous tick left (h, and c for an LSTM), so
 * it works with any cell. Loading a 1×1 batch makes the model reallocate its buffers; the next
 * training batch reallocates them again.
 */
public final class TextSampler {
    public static final int MAX_LENGTH = 100_000;

    private TextSampler() {}

    /**
     * Generates {@code length} characters after {@code prime}.
     *
     * @param model       a model built for {@code task} (vocabulary and classes = its alphabet)
     * @param prime       text read first (empty: a newline), every character in the alphabet
     * @param temperature τ ≥ 0: 1 samples the model's distribution, lower is more conservative,
     *                    0 always takes the most probable character
     * @param rng         draws the samples
     * @return the generated characters, without the prime
     */
    public static String sample(SequenceModel model, TextTask task, String prime, int length, double temperature,
                                SplittableRandom rng) {
        int v = task.vocabulary();
        if (model.config().vocabulary() != v || model.config().outputSize() != v
                || model.config().loss() != LossKind.CROSS_ENTROPY) {
            throw new IllegalArgumentException("the model (vocabulary " + model.config().vocabulary() + ", outputs "
                    + model.config().outputSize() + ", " + model.config().loss() + ") is not built for the text task ("
                    + v + " characters, cross-entropy)");
        }
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("sample length must be in 0.." + MAX_LENGTH + ", was " + length);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a number ≥ 0, was " + temperature);
        }
        String start = prime == null || prime.isEmpty() ? "\n" : prime;
        int[] primeIds = new int[start.length()];
        for (int i = 0; i < start.length(); i++) {
            char c = start.charAt(i);
            primeIds[i] = task.charId(c);
            if (primeIds[i] < 0) {
                throw new IllegalArgumentException(String.format("prime character '%c' (U+%04X) is not in the text's "
                        + "alphabet", c, (int) c));
            }
        }
        int hidden = model.cell().config().hiddenSize();
        double[] h = new double[hidden];
        double[] c = model.cell().config().hasCellState() ? new double[hidden] : null;
        int[] token = new int[1];
        SequenceBatch one = new SequenceBatch(1, 1, v, null, token, v, null, new int[1], new double[1]);
        for (int id : primeIds) {
            step(model, one, token, id, h, c);
        }
        StringBuilder out = new StringBuilder(length);
        double[] p = new double[v];
        for (int n = 0; n < length; n++) {
            int next = choose(model, v, temperature, rng, p);
            out.append(task.character(next));
            if (n + 1 < length) {
                step(model, one, token, next, h, c);
            }
        }
        return out.toString();
    }

    private static void step(SequenceModel model, SequenceBatch one, int[] token, int id, double[] h, double[] c) {
        token[0] = id;
        model.load(one, h, c);
        model.forwardTick(0);
        model.unroll().copyHidden(0, h);
        if (c != null) {
            model.unroll().copyCell(0, c);
        }
    }

    /** Samples from softmax(y / τ) of the last tick (argmax when τ = 0). */
    static int choose(SequenceModel model, int v, double temperature, SplittableRandom rng, double[] p) {
        if (temperature == 0) {
            return model.argmax(0, 0);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v; k++) {
            max = Math.max(max, model.output(0, 0, k));
        }
        double sum = 0;
        for (int k = 0; k < v; k++) {
            p[k] = Math.exp((model.output(0, 0, k) - max) / temperature);
            sum += p[k];
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            return model.argmax(0, 0);
        }
        double u = rng.nextDouble() * sum;
        for (int k = 0; k < v; k++) {
            u -= p[k];
            if (u < 0) {
                return k;
            }
        }
        return v - 1;
    }
}

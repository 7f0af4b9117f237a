package org.rnnlab.engine;

/**
 * B sequences of T ticks, with their targets and where the loss applies. Row-major, tick-major:
 * the value for tick t and sequence b is at index (t·B + b) (times the feature width).
 *
 * <p>Inputs are either dense vectors ({@code inputs}, [T·B × X]) or token ids for an embedding
 * ({@code tokens}, [T·B], X is then the vocabulary size). Targets are either real vectors
 * ({@code targets}, [T·B × Y], for MSE) or class ids ({@code classes}, [T·B], for
 * cross-entropy over Y classes). {@code lossMask} [T·B] is 1 where the loss applies and 0
 * elsewhere; targets where the mask is 0 are ignored. {@code stepMask} [T·B] (or null: every step
 * is real) is false at padded steps, which the recurrent layers skip: the state is carried over
 * them (Keras's {@code Masking}, PyTorch's {@code pack_padded_sequence} for right padding).
 *
 * @param steps      T ≥ 1
 * @param batch      B ≥ 1
 * @param inputSize  X (features, or vocabulary size for tokens)
 * @param inputs     [T·B × X] or null
 * @param tokens     [T·B] or null
 * @param outputSize Y (outputs, or number of classes)
 * @param targets    [T·B × Y] or null
 * @param classes    [T·B] or null
 * @param lossMask   [T·B]
 * @param stepMask   [T·B], true at a real step, false at a padded one; or null
 * @param inputDropout dropout on the embedded tokens of a training batch ({@link InputDropout}), or null
 */
public record SequenceBatch(int steps, int batch, int inputSize, double[] inputs, int[] tokens,
                            int outputSize, double[] targets, int[] classes, double[] lossMask, boolean[] stepMask,
                            InputDropout inputDropout)
        implements TaskBatch {

    /** A batch without input dropout. */
    public SequenceBatch(int steps, int batch, int inputSize, double[] inputs, int[] tokens,
                         int outputSize, double[] targets, int[] classes, double[] lossMask, boolean[] stepMask) {
        this(steps, batch, inputSize, inputs, tokens, outputSize, targets, classes, lossMask, stepMask, null);
    }

    /** A batch whose every step is real (no step mask). */
    public SequenceBatch(int steps, int batch, int inputSize, double[] inputs, int[] tokens,
                         int outputSize, double[] targets, int[] classes, double[] lossMask) {
        this(steps, batch, inputSize, inputs, tokens, outputSize, targets, classes, lossMask, null);
    }

    public SequenceBatch {
        if (steps <= 0) {
            throw new IllegalArgumentException("sequence length must be at least 1, was " + steps);
        }
        if (batch <= 0) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batch);
        }
        if (inputSize <= 0) {
            throw new IllegalArgumentException("input size must be at least 1, was " + inputSize);
        }
        if (outputSize <= 0) {
            throw new IllegalArgumentException("output size must be at least 1, was " + outputSize);
        }
        int tb = steps * batch;
        if ((inputs == null) == (tokens == null)) {
            throw new IllegalArgumentException("exactly one of inputs and tokens must be given");
        }
        if (inputs != null && inputs.length != tb * inputSize) {
            throw new IllegalArgumentException("inputs must hold T·B·X = " + tb * inputSize + " values, had " + inputs.length);
        }
        if (tokens != null) {
            if (tokens.length != tb) {
                throw new IllegalArgumentException("tokens must hold T·B = " + tb + " ids, had " + tokens.length);
            }
            for (int id : tokens) {
                if (id < 0 || id >= inputSize) {
                    throw new IllegalArgumentException("token id " + id + " is outside the vocabulary 0.." + (inputSize - 1));
                }
            }
        }
        if ((targets == null) == (classes == null)) {
            throw new IllegalArgumentException("exactly one of targets and classes must be given");
        }
        if (targets != null && targets.length != tb * outputSize) {
            throw new IllegalArgumentException("targets must hold T·B·Y = " + tb * outputSize + " values, had " + targets.length);
        }
        if (classes != null) {
            if (classes.length != tb) {
                throw new IllegalArgumentException("classes must hold T·B = " + tb + " ids, had " + classes.length);
            }
        }
        if (lossMask == null || lossMask.length != tb) {
            throw new IllegalArgumentException("loss mask must hold T·B = " + tb + " weights");
        }
        if (stepMask != null && stepMask.length != tb) {
            throw new IllegalArgumentException("step mask must hold T·B = " + tb + " values, had " + stepMask.length);
        }
        if (classes != null) {
            for (int i = 0; i < tb; i++) {
                if (lossMask[i] != 0 && (classes[i] < 0 || classes[i] >= outputSize)) {
                    throw new IllegalArgumentException("class id " + classes[i] + " is outside 0.." + (outputSize - 1));
                }
            }
        }
    }

    public boolean isClassification() {
        return classes != null;
    }

    public boolean usesTokens() {
        return tokens != null;
    }

    /** True where tick t of sequence b is a real step, false where it is padding ({@link #stepMask}). */
    public boolean isReal(int t, int b) {
        return stepMask == null || stepMask[t * batch + b];
    }

    /** The same batch with right padding after each sequence's length: steps t ≥ lengths[b] are masked. */
    public SequenceBatch withLengths(int[] lengths) {
        if (lengths.length != batch) {
            throw new IllegalArgumentException("lengths must hold one per sequence (" + batch + "), had " + lengths.length);
        }
        boolean[] m = new boolean[steps * batch];
        for (int b = 0; b < batch; b++) {
            if (lengths[b] < 1 || lengths[b] > steps) {
                throw new IllegalArgumentException("length of sequence " + b + " must be in 1.." + steps + ", was "
                        + lengths[b]);
            }
            for (int t = 0; t < lengths[b]; t++) {
                m[t * batch + b] = true;
            }
        }
        return new SequenceBatch(steps, batch, inputSize, inputs, tokens, outputSize, targets, classes, lossMask, m,
                inputDropout);
    }

    /** The same batch with {@code dropout} on its embedded tokens (null: none). */
    public SequenceBatch withInputDropout(InputDropout dropout) {
        if (dropout != null && tokens == null) {
            throw new IllegalArgumentException("input dropout applies to token inputs (an embedding), not dense inputs");
        }
        return new SequenceBatch(steps, batch, inputSize, inputs, tokens, outputSize, targets, classes, lossMask, stepMask,
                dropout);
    }

    /** Index of tick t, sequence b in the [T·B] layouts. */
    public int index(int t, int b) {
        return t * batch + b;
    }
}

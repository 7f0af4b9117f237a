package org.rnnlab.engine;

import java.util.List;

/**
 * Encoder-decoder (Sutskever, Vinyals &amp; Le 2014; Cho et al. 2014): an encoder cell reads the
 * source tokens; its final state (h, and c for LSTM) is the decoder's initial state; the decoder
 * reads the target inputs (teacher forcing) and a linear readout predicts each next target
 * token under cross-entropy. Backpropagation runs through the decoder, then its dL/dh_0 (and
 * dL/dc_0) enters the encoder's last tick.
 */
public final class EncoderDecoderModel extends ParamGroupModel implements SteppableModel {
    private final CellConfig cellConfig;
    private final Embedding sourceEmbedding;
    private final Embedding targetEmbedding;
    private final RecurrentCell encoder;
    private final RecurrentCell decoder;
    private final LinearReadout readout;

    private Unroll enc;
    private Unroll dec;
    private Seq2SeqBatch batch;
    private double[] y;
    private double[] dy;
    private double[] probs;
    private double[] stateH;
    private double[] stateC;
    private double loss = Double.NaN;
    private boolean lossComputed;

    /**
     * @param cell          cell kind and sizes; its input size is the embedding size
     * @param sourceVocab   source vocabulary size
     * @param targetVocab   target vocabulary size (the readout's classes)
     */
    public EncoderDecoderModel(CellConfig cell, int sourceVocab, int targetVocab) {
        this(cell, new Embedding(sourceVocab, cell.inputSize()), RecurrentCell.create(cell),
                new Embedding(targetVocab, cell.inputSize()), RecurrentCell.create(cell),
                new LinearReadout(cell.hiddenSize(), targetVocab));
    }

    private EncoderDecoderModel(CellConfig cell, Embedding source, RecurrentCell encoder, Embedding target,
                                RecurrentCell decoder, LinearReadout readout) {
        super(List.of(source, encoder, target, decoder, readout));
        this.cellConfig = cell;
        this.sourceEmbedding = source;
        this.encoder = encoder;
        this.targetEmbedding = target;
        this.decoder = decoder;
        this.readout = readout;
    }

    /** "encoder.…" for the source embedding and the encoder, "decoder.…" for the target's and the decoder, then the readout's. */
    @Override
    public List<String> paramNames() {
        List<String> names = new java.util.ArrayList<>();
        for (ParamGroup g : groups()) {
            String prefix = g == sourceEmbedding || g == encoder ? "encoder." : g == targetEmbedding || g == decoder ? "decoder." : "";
            for (Param p : g.params()) {
                names.add(prefix + p.name());
            }
        }
        return List.copyOf(names);
    }

    public CellConfig cellConfig() {
        return cellConfig;
    }

    public RecurrentCell encoder() {
        return encoder;
    }

    public RecurrentCell decoder() {
        return decoder;
    }

    public Embedding sourceEmbedding() {
        return sourceEmbedding;
    }

    public Embedding targetEmbedding() {
        return targetEmbedding;
    }

    /** The batch last loaded, or null. */
    public Seq2SeqBatch batch() {
        return batch;
    }

    public LinearReadout readout() {
        return readout;
    }

    /** The encoder's unroll from the last pass. */
    public Unroll encoderUnroll() {
        return enc;
    }

    @Override
    public double forwardLoss(TaskBatch b) {
        load(b);
        for (int t = 0; t < ticks(); t++) {
            forwardTick(t);
        }
        return computeLoss();
    }

    @Override
    public void backwardAll() {
        beginBackward();
        for (int t = ticks() - 1; t >= 0; t--) {
            backwardTick(t);
        }
    }

    @Override
    public void load(TaskBatch b) {
        if (!(b instanceof Seq2SeqBatch sb)) {
            throw new IllegalArgumentException("an encoder-decoder takes a Seq2SeqBatch, not " + b.getClass().getSimpleName());
        }
        SequenceBatch src = sb.source();
        SequenceBatch tgt = sb.target();
        if (!src.usesTokens() || src.inputSize() != sourceEmbedding.vocabularySize()) {
            throw new IllegalArgumentException("source must be tokens over a vocabulary of " + sourceEmbedding.vocabularySize());
        }
        if (!tgt.usesTokens() || tgt.inputSize() != targetEmbedding.vocabularySize() || !tgt.isClassification()
                || tgt.outputSize() != readout.outputSize()) {
            throw new IllegalArgumentException("target must be tokens and classes over a vocabulary of "
                    + targetEmbedding.vocabularySize());
        }
        int bsz = sb.batch();
        int n = bsz * cellConfig.hiddenSize();
        if (enc == null || enc.steps() != src.steps() || enc.batch() != bsz) {
            enc = null; // the heap never holds two unrolls of this model
            enc = encoder.newUnroll(src.steps(), bsz);
        }
        if (dec == null || dec.steps() != tgt.steps() || dec.batch() != bsz) {
            dec = null;
            y = null;
            dy = null;
            probs = null;
            dec = decoder.newUnroll(tgt.steps(), bsz);
            int rows = Unroll.arrayLength("the outputs of T=" + tgt.steps() + " ticks, batch " + bsz,
                    Unroll.times(Unroll.times(tgt.steps(), bsz), readout.outputSize()));
            y = new double[rows];
            dy = new double[rows];
            probs = new double[rows];
        }
        if (stateH == null || stateH.length != n) {
            stateH = new double[n];
            stateC = new double[n];
        }
        this.batch = sb;
        sourceEmbedding.lookup(src.tokens(), 0, src.steps() * bsz, enc.inputBuffer());
        targetEmbedding.lookup(tgt.tokens(), 0, tgt.steps() * bsz, dec.inputBuffer());
        enc.setInitialState(null, null);
        dec.setInitialState(null, null);
        loss = Double.NaN;
        lossComputed = false;
    }

    @Override
    public int ticks() {
        return enc.steps() + dec.steps();
    }

    @Override
    public int encoderTicks() {
        return enc.steps();
    }

    /**
     * Tick t: an encoder tick, or a decoder tick with its readout; the decoder's first tick
     * starts from the encoder's final state.
     */
    @Override
    public void forwardTick(int t) {
        int te = enc.steps();
        if (t < te) {
            encoder.forwardTick(enc, t);
            return;
        }
        int k = t - te;
        if (k == 0) {
            enc.copyHidden(te - 1, stateH);
            if (enc.hasCellState()) {
                enc.copyCell(te - 1, stateC);
            }
            dec.setInitialState(stateH, enc.hasCellState() ? stateC : null);
        }
        decoder.forwardTick(dec, k);
        int bsz = dec.batch();
        int yk = readout.outputSize();
        readout.forward(bsz, dec.hiddenBuffer(), (k + 1) * bsz * cellConfig.hiddenSize(), y, k * bsz * yk);
        for (int r = k * bsz; r < (k + 1) * bsz; r++) {
            LossKind.softmax(y, r * yk, yk, probs);
        }
    }

    @Override
    public double computeLoss() {
        SequenceBatch tgt = batch.target();
        int rows = tgt.steps() * batch.batch();
        loss = LossKind.CROSS_ENTROPY.compute(rows, readout.outputSize(), y, null, tgt.classes(), tgt.lossMask(), dy, probs);
        lossComputed = true;
        return loss;
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public void beginBackward() {
        zeroGrad();
        dec.beginBackward();
        enc.beginBackward();
    }

    /**
     * Backward tick t: decoder ticks first (readout gradient, the decoder's tick, its embedding);
     * after the decoder's first tick its dL/dh_0 (and dL/dc_0) enters the encoder's last tick.
     */
    @Override
    public void backwardTick(int t) {
        int te = enc.steps();
        int bsz = batch.batch();
        if (t >= te) {
            int k = t - te;
            int hid = cellConfig.hiddenSize();
            int yk = readout.outputSize();
            readout.backward(bsz, dec.hiddenBuffer(), (k + 1) * bsz * hid, dy, k * bsz * yk,
                    dec.lossGradientBuffer(), k * bsz * hid);
            decoder.backwardTick(dec, k);
            targetEmbedding.backward(batch.target().tokens(), k * bsz, (k + 1) * bsz, dec.inputGradientBuffer());
            if (k == 0) {
                dec.copyHiddenGradient(-1, stateH);
                if (dec.hasCellState()) {
                    dec.copyCellGradient(-1, stateC);
                }
                enc.addFinalStateGradient(te - 1, stateH, dec.hasCellState() ? stateC : null);
            }
            return;
        }
        encoder.backwardTick(enc, t);
        sourceEmbedding.backward(batch.source().tokens(), t * bsz, (t + 1) * bsz, enc.inputGradientBuffer());
    }

    @Override
    public RecurrentCell cellAt(int t) {
        return t < enc.steps() ? encoder : decoder;
    }

    @Override
    public Unroll unrollAt(int t) {
        return t < enc.steps() ? enc : dec;
    }

    @Override
    public int localTick(int t) {
        return t < enc.steps() ? t : t - enc.steps();
    }

    @Override
    public int outputSize() {
        return readout.outputSize();
    }

    @Override
    public boolean hasOutput(int t) {
        return t >= enc.steps();
    }

    @Override
    public double probability(int t, int b, int k) {
        return probs[(t * dec.batch() + b) * readout.outputSize() + k];
    }

    @Override
    public Divergence divergence() {
        if (enc != null && enc.firstNonFiniteForwardTick() >= 0) {
            return new Divergence("forward (encoder)", enc.firstNonFiniteForwardTick(), "hidden state");
        }
        if (dec != null && dec.firstNonFiniteForwardTick() >= 0) {
            return new Divergence("forward (decoder)", dec.firstNonFiniteForwardTick(), "hidden state");
        }
        if (lossComputed && !Double.isFinite(loss)) {
            return new Divergence("loss", -1, "loss");
        }
        if (dec != null && dec.firstNonFiniteBackwardTick() >= 0) {
            return new Divergence("backward (decoder)", dec.firstNonFiniteBackwardTick(), "gradient");
        }
        if (enc != null && enc.firstNonFiniteBackwardTick() >= 0) {
            return new Divergence("backward (encoder)", enc.firstNonFiniteBackwardTick(), "gradient");
        }
        return null;
    }

    @Override
    public double output(int t, int b, int k) {
        return y[(t * dec.batch() + b) * readout.outputSize() + k];
    }

    @Override
    public int argmax(int t, int b) {
        int yk = readout.outputSize();
        int base = (t * dec.batch() + b) * yk;
        int best = 0;
        for (int k = 1; k < yk; k++) {
            if (y[base + k] > y[base + best]) {
                best = k;
            }
        }
        return best;
    }

    @Override
    public RecurrentCell cell() {
        return decoder;
    }

    @Override
    public Unroll unroll() {
        return dec;
    }

    /**
     * Greedy decoding of sequence b of the last batch: the decoder starts from the encoder's
     * final state and the start token, and feeds back its own most probable token until it
     * produces {@code endToken} or {@code maxSteps} tokens. Returns the tokens produced
     * (without the end token). Runs the same tick kernels on a one-row unroll.
     */
    public int[] decodeGreedy(int b, int startToken, int endToken, int maxSteps) {
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        int hid = cellConfig.hiddenSize();
        int e = cellConfig.inputSize();
        int yk = readout.outputSize();
        SequenceBatch src = batch.source();
        double[] h0 = new double[hid];
        double[] c0 = enc.hasCellState() ? new double[hid] : null;
        for (int j = 0; j < hid; j++) {
            h0[j] = enc.h(src.steps() - 1, b, j);
            if (c0 != null) {
                c0[j] = enc.c(src.steps() - 1, b, j);
            }
        }
        Unroll u = decoder.newUnroll(maxSteps, 1);
        u.setInitialState(h0, c0);
        double[] out = new double[yk];
        double[] x = u.inputBuffer();
        double[] table = targetEmbedding.table().value().data;
        int[] produced = new int[maxSteps];
        int count = 0;
        int token = startToken;
        for (int t = 0; t < maxSteps; t++) {
            System.arraycopy(table, token * e, x, t * e, e);
            decoder.forwardTick(u, t);
            readout.forward(1, u.hiddenBuffer(), (t + 1) * hid, out, 0);
            int best = 0;
            for (int k = 1; k < yk; k++) {
                if (out[k] > out[best]) {
                    best = k;
                }
            }
            if (best == endToken) {
                break;
            }
            produced[count++] = best;
            token = best;
        }
        return java.util.Arrays.copyOf(produced, count);
    }
}

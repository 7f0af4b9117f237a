package org.rnnlab.engine.layers;

import java.util.List;
import org.rnnlab.engine.DeepRecurrent.Merge;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.Unroll;

/**
 * A Keras recurrent layer (SimpleRNN, LSTM, GRU), alone or wrapped in {@code Bidirectional}, run
 * forward tick by tick on the engine's cells from a zero state:
 * <ul>
 *   <li>a masked step (row b, time t) keeps the state, h_t = h_{t−1} (and c), so its output is
 *       the previous output, as Keras's {@code rnn} loop does ({@link Unroll#setStepMask});</li>
 *   <li>{@code go_backwards} reads the sequence last step first and returns its outputs in that
 *       order;</li>
 *   <li>{@code Bidirectional}: the backward cell reads the sequence reversed, its outputs are
 *       put back in time order, and the two are merged (concat [fwd ; bwd], sum, mul, ave);
 *       without {@code return_sequences} the layer returns [fwd after t = T ; bwd after t = 1].</li>
 * </ul>
 * With {@code return_sequences} the mask travels on; otherwise the output has no time axis. With
 * {@code zeroMaskedOutputs} (Keras's {@code zero_output_for_mask}, which its Bidirectional sets
 * when returning sequences) a masked step outputs zeros instead of the previous output.
 */
public final class RecurrentLayer implements Layer {
    private final String name;
    private final List<RecurrentCell> cells;
    private final boolean returnSequences;
    private final boolean goBackwards;
    private final Merge merge;
    private final boolean zeroMaskedOutputs;

    /** As {@link #RecurrentLayer(String, List, boolean, boolean, Merge, boolean)}, masked steps repeating the previous output. */
    public RecurrentLayer(String name, List<RecurrentCell> cells, boolean returnSequences, boolean goBackwards,
                          Merge merge) {
        this(name, cells, returnSequences, goBackwards, merge, false);
    }

    /**
     * @param cells           one cell, or the forward and backward cells of a Bidirectional
     * @param goBackwards     one direction only: read the sequence reversed
     * @param merge           how two directions combine (ignored for one)
     * @param zeroMaskedOutputs a masked step's output is 0 (return_sequences only)
     */
    public RecurrentLayer(String name, List<RecurrentCell> cells, boolean returnSequences, boolean goBackwards,
                          Merge merge, boolean zeroMaskedOutputs) {
        if (cells.isEmpty() || cells.size() > 2) {
            throw new IllegalArgumentException(name + ": a recurrent layer has one or two directions");
        }
        this.name = name;
        this.cells = List.copyOf(cells);
        this.returnSequences = returnSequences;
        this.goBackwards = goBackwards;
        this.merge = merge == null ? Merge.CONCAT : merge;
        this.zeroMaskedOutputs = zeroMaskedOutputs;
    }

    @Override
    public String name() {
        return name;
    }

    public List<RecurrentCell> cells() {
        return cells;
    }

    public boolean returnSequences() {
        return returnSequences;
    }

    public boolean goBackwards() {
        return goBackwards;
    }

    /** How the two directions combine (concat for one direction). */
    public Merge merge() {
        return merge;
    }

    private int hidden() {
        return cells.get(0).config().hiddenSize();
    }

    @Override
    public int outputWidth(int in) {
        int x = cells.get(0).config().inputSize();
        if (in != x) {
            throw new IllegalArgumentException(name + ": the kernel takes " + x + " inputs but the layer below gives " + in);
        }
        return cells.size() == 2 && merge == Merge.CONCAT ? 2 * hidden() : hidden();
    }

    @Override
    public LayerValue forward(LayerValue in) {
        if (!in.sequence()) {
            throw new IllegalArgumentException(name + ": a recurrent layer needs a sequence; the layer below returns"
                    + " its last output only (return_sequences=false)");
        }
        int w = outputWidth(in.width());
        int steps = in.steps();
        int batch = in.batch();
        int hid = hidden();
        double[][] h = new double[cells.size()][];
        for (int d = 0; d < cells.size(); d++) {
            h[d] = run(cells.get(d), in, d == 1 || goBackwards);
        }
        int outSteps = returnSequences ? steps : 1;
        double[] out = new double[outSteps * batch * w];
        for (int s = 0; s < outSteps; s++) {
            for (int b = 0; b < batch; b++) {
                int o = (s * batch + b) * w;
                // Slot k + 1 of an unroll is its state after processing step k.
                int fSlot = returnSequences ? s + 1 : steps;
                int f = (fSlot * batch + b) * hid;
                if (cells.size() == 1) {
                    System.arraycopy(h[0], f, out, o, hid);
                    continue;
                }
                int bSlot = returnSequences ? steps - s : steps;
                int r = (bSlot * batch + b) * hid;
                for (int j = 0; j < hid; j++) {
                    double a = h[0][f + j];
                    double c = h[1][r + j];
                    if (merge == Merge.CONCAT) {
                        out[o + j] = a;
                        out[o + hid + j] = c;
                    } else {
                        out[o + j] = merge.of(a, c);
                    }
                }
            }
        }
        boolean[] mask = returnSequences ? outMask(in) : null;
        if (zeroMaskedOutputs && mask != null) {
            for (int r = 0; r < mask.length; r++) {
                if (!mask[r]) {
                    java.util.Arrays.fill(out, r * w, (r + 1) * w, 0.0);
                }
            }
        }
        return new LayerValue(out, batch, outSteps, w, returnSequences, mask);
    }

    /** The mask of the output sequence: go_backwards alone returns its steps reversed. */
    private boolean[] outMask(LayerValue in) {
        if (in.mask() == null || !goBackwards || cells.size() == 2) {
            return in.mask();
        }
        boolean[] m = new boolean[in.mask().length];
        for (int t = 0; t < in.steps(); t++) {
            System.arraycopy(in.mask(), (in.steps() - 1 - t) * in.batch(), m, t * in.batch(), in.batch());
        }
        return m;
    }

    /** The hidden states [(T+1)·B × H] of one direction; tick s reads time T−1−s when reversed. */
    private static double[] run(RecurrentCell cell, LayerValue in, boolean reversed) {
        int steps = in.steps();
        int batch = in.batch();
        int row = batch * in.width();
        Unroll u = cell.newUnroll(steps, batch);
        double[] x = u.inputBuffer();
        for (int s = 0; s < steps; s++) {
            int t = reversed ? steps - 1 - s : s;
            System.arraycopy(in.data(), t * row, x, s * row, row);
        }
        if (in.mask() != null) {
            boolean[] kept = new boolean[steps * batch];
            for (int s = 0; s < steps; s++) {
                int t = reversed ? steps - 1 - s : s;
                for (int b = 0; b < batch; b++) {
                    kept[s * batch + b] = in.kept(t, b);
                }
            }
            u.setStepMask(kept);
        }
        u.setInitialState(null, null);
        for (int s = 0; s < steps; s++) {
            cell.forwardTick(u, s);
        }
        return u.hiddenBuffer().clone();
    }
}

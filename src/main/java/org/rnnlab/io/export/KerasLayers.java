package org.rnnlab.io.export;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepRecurrent;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.SequenceBatch;

/**
 * The recurrent layers of a Keras hand-back, shared by its config, weights and script. A
 * sequence model is a Sequential of one layer per engine layer ({@code lstm}, {@code lstm_1}; a
 * bidirectional layer {@code Bidirectional(LSTM(...), merge_mode)} named {@code bidirectional},
 * {@code bidirectional_1}), each returning sequences, except a many-to-one bidirectional top
 * layer, which returns its final state: Keras's {@code Bidirectional(..., return_sequences=False)}
 * gives [→h_T ; ←h_1], what the engine's final-state readout scores at t = T. The layer names are
 * the keys Keras 3 gives a layer list in {@code model.weights.h5} (snake-case class name, then
 * {@code _1}, {@code _2} in order of appearance).
 */
final class KerasLayers {
    private KerasLayers() {}

    /**
     * One recurrent layer: its cells (forward, then backward for a bidirectional one) and how it
     * returns.
     *
     * @param merge the Bidirectional's merge, or null for one direction
     */
    record Rnn(String name, List<RecurrentCell> cells, boolean returnSequences, DeepRecurrent.Merge merge) {
        boolean bidirectional() {
            return cells.size() == 2;
        }

        CellConfig config() {
            return cells.get(0).config();
        }
    }

    static String className(CellKind k) {
        return switch (k) {
            case RNN -> "SimpleRNN";
            case LSTM -> "LSTM";
            case GRU -> "GRU";
        };
    }

    static String snake(CellKind k) {
        return switch (k) {
            case RNN -> "simple_rnn";
            case LSTM -> "lstm";
            case GRU -> "gru";
        };
    }

    /** Keras's {@code reset_after}: PyTorch's GRU is {@code True}, Cho 2014's {@code False}. */
    static boolean resetAfter(CellConfig c) {
        return c.gruVariant() == GruVariant.PYTORCH;
    }

    /** True when the model's output is the top layer's final state only, so only t = T is computed. */
    static boolean lastTickOnly(ExportedRun run) {
        DeepSequenceModel d = run.deep();
        return d != null && d.directions() == 2 && d.finalStateReadout();
    }

    /**
     * Why the Keras hand-back cannot compute this run's scored outputs, or null. A many-to-one
     * bidirectional model returns its final state, [→h ; ←h_1], one output per row. That is the
     * engine's output at the tick the loss scores when the row is scored at t = T, or at its last
     * real word with the steps after it masked padding (the Embedding's {@code mask_zero}: Keras's
     * forward final state is then the last real step's, and its backward layer starts there);
     * anything else would need outputs a Sequential does not give.
     */
    static String refusal(ExportedRun run) {
        SequenceBatch b = run.batch();
        if (b.stepMask() != null && !b.usesTokens()) {
            return "Keras: this run masks steps of its real-valued input (a Masking layer), which the Keras export"
                    + " does not write; the PyTorch export takes trailing masked steps";
        }
        boolean padding;
        try {
            padding = masksZero(run);
        } catch (IllegalArgumentException e) {
            return "Keras: " + e.getMessage().replaceFirst("^export: ", "");
        }
        if (!lastTickOnly(run)) {
            return null;
        }
        double[] mask = b.lossMask();
        for (int r = 0; r < b.batch(); r++) {
            int scored = -1;
            for (int t = 0; t < b.steps(); t++) {
                if (mask[t * b.batch() + r] != 0) {
                    if (scored >= 0) {
                        return "Keras: this bidirectional many-to-one batch scores row " + (r + 1) + " at t = "
                                + (scored + 1) + " and t = " + (t + 1) + ", and Keras's Bidirectional(return_sequences=False)"
                                + " gives one output per row; the PyTorch export writes it";
                    }
                    scored = t;
                }
            }
            if (scored >= 0 && scored < b.steps() - 1 && !(padding && paddedAfter(b, r, scored))) {
                return "Keras: this bidirectional many-to-one batch scores row " + (r + 1) + " at t = " + (scored + 1)
                        + " of " + b.steps() + " before its padding ends, and Keras's Bidirectional(return_sequences=False)"
                        + " gives the last real step only; the PyTorch export writes it";
            }
        }
        return null;
    }

    private static boolean paddedAfter(SequenceBatch b, int row, int t) {
        for (int u = t + 1; u < b.steps(); u++) {
            if (b.isReal(u, row)) {
                return false;
            }
        }
        return true;
    }

    /** The recurrent layers of a sequence model (not an encoder-decoder), bottom first. */
    static List<Rnn> sequential(ExportedRun run) {
        DeepSequenceModel d = run.deep();
        if (d == null) {
            RecurrentCell c = run.single().cell();
            return List.of(new Rnn(snake(c.config().kind()), List.of(c), true, null));
        }
        List<Rnn> out = new ArrayList<>();
        boolean bi = d.directions() == 2;
        for (int k = 0; k < d.layers(); k++) {
            List<RecurrentCell> cells = new ArrayList<>();
            for (int dir = 0; dir < d.directions(); dir++) {
                cells.add(d.stack().cell(k, dir));
            }
            String base = bi ? "bidirectional" : snake(cells.get(0).config().kind());
            boolean sequences = k < d.layers() - 1 || !lastTickOnly(run);
            out.add(new Rnn(k == 0 ? base : base + "_" + k, cells, sequences, bi ? d.stack().merge() : null));
        }
        return out;
    }

    /**
     * Whether the batch's padded steps are masked (SequenceBatch#stepMask): in Keras that is the
     * Embedding's {@code mask_zero}, which needs the padding to be token 0 and token 0 to be padding.
     */
    static boolean masksZero(ExportedRun run) {
        var b = run.batch();
        if (b.stepMask() == null || !b.usesTokens()) {
            return false;
        }
        for (int i = 0; i < b.tokens().length; i++) {
            if (b.stepMask()[i] != (b.tokens()[i] != 0)) {
                throw new IllegalArgumentException("export: the batch masks steps other than those of token 0, which"
                        + " Keras's mask_zero cannot say");
            }
        }
        return true;
    }
}

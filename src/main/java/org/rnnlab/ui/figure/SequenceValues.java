package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.task.Vocabulary;
import org.rnnlab.training.Snapshot;

/**
 * What the sequence figure reads off a snapshot, before any layout: the loss ticks (lossMask = 1),
 * the readout y_t of each computed tick ({@link ForwardColumn#output()}), and for classification
 * the target class and the predicted one, the argmax of the logits (the snapshot carries logits,
 * not probabilities).
 */
public final class SequenceValues {
    private SequenceValues() {}

    /** Ticks where the loss applies (engine indices), from the snapshot's mask. */
    public static List<Integer> lossTicks(Snapshot s) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < s.position().steps(); t++) {
            if (s.sequence().lossMask()[t] != 0) {
                out.add(t);
            }
        }
        return out;
    }

    /** The tick at the cursor in the forward or backward pass (engine index), else −1. */
    public static int currentTick(Snapshot s) {
        Phase ph = s.position().phase();
        return ph == Phase.FORWARD || ph == Phase.BACKWARD ? s.position().tick() : -1;
    }

    /** The prediction of tick t, output k: NaN before tick t's forward step. */
    public static double predictionAt(Snapshot s, int t, int k) {
        ForwardColumn f = s.columns().forward()[t];
        return f == null ? Double.NaN : f.output()[k];
    }

    /** The predicted class of tick t (argmax of the logits), or null before its forward step or without classes. */
    public static String predictedClass(Snapshot s, int t) {
        ForwardColumn f = s.columns().forward()[t];
        if (f == null || s.sequence().classes() == null) {
            return null;
        }
        int k = argmax(f.output());
        // an encoder tick has no readout: its logits are NaN, and no class is said there
        return k < 0 ? null : classLabel(s, k);
    }

    /**
     * The probability of class k at tick t, softmax of the readout of h_t as the engine computed
     * it: "what the model would say if the sequence ended here". NaN before tick t's forward
     * step, at a tick without a readout, or without classes.
     */
    public static double probabilityAt(Snapshot s, int t, int k) {
        ForwardColumn f = s.columns().forward()[t];
        return f == null || f.probabilities() == null ? Double.NaN : f.probabilities()[k];
    }

    /**
     * How many ticks the figure draws: all of them, except that a token sequence's trailing
     * {@value Vocabulary#PAD_WORD} ticks after its last loss tick are left out (they feed nothing
     * into the loss, and a short sentence padded to T would otherwise be drawn in a sliver).
     */
    public static int drawnTicks(Snapshot s) {
        int steps = s.position().steps();
        String[] labels = s.sequence().inputLabels();
        if (labels == null) {
            return steps;
        }
        int last = -1;
        for (int t = 0; t < steps; t++) {
            if (s.sequence().lossMask()[t] != 0 || (t < labels.length && !Vocabulary.PAD_WORD.equals(labels[t]))) {
                last = t;
            }
        }
        return last < 0 ? steps : last + 1;
    }

    /** The ticks after the first {@code drawn} of {@code steps}, as people count them: "t=13–32", or "t=32" for one. */
    public static String paddedTicks(int drawn, int steps) {
        return drawn + 1 == steps ? "t=" + steps : "t=" + (drawn + 1) + "–" + steps;
    }

    /** The target class of tick t (loss ticks only), or null. */
    public static String targetClass(Snapshot s, int t) {
        if (s.sequence().classes() == null || s.sequence().lossMask()[t] == 0) {
            return null;
        }
        return classLabel(s, s.sequence().classes()[t]);
    }

    /** Index of the largest logit (first on ties); −1 if a logit is NaN. */
    public static int argmax(double[] v) {
        int best = 0;
        for (int k = 0; k < v.length; k++) {
            if (Double.isNaN(v[k])) {
                return -1;
            }
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    private static String classLabel(Snapshot s, int k) {
        String[] labels = s.sequence().classLabels();
        return labels != null && k >= 0 && k < labels.length ? labels[k] : Integer.toString(k);
    }

    /** "every tick", "t=10", "t=3…7", "4 ticks" or "no tick": where the loss applies, as the header says it. */
    public static String lossText(Snapshot s) {
        List<Integer> l = lossTicks(s);
        if (l.isEmpty()) {
            return "no tick";
        }
        if (l.size() == s.position().steps()) {
            return "every tick";
        }
        if (l.size() == 1) {
            return "t=" + (l.get(0) + 1);
        }
        boolean contiguous = l.get(l.size() - 1) - l.get(0) == l.size() - 1;
        return contiguous ? "t=" + (l.get(0) + 1) + "…" + (l.get(l.size() - 1) + 1) : l.size() + " ticks";
    }

    /**
     * "sample after 500 iterations (τ 0.8): What, my lord⏎…", newlines shown as ⏎, cut with an
     * ellipsis to {@code maxWidth} px in {@code style}.
     */
    public static String sampleLine(Snapshot.GeneratedText g, TextMetrics tm, TextStyle style, double maxWidth) {
        String head = "sample after " + g.iteration() + (g.iteration() == 1 ? " iteration" : " iterations")
                + " (τ " + g.temperature() + "): ";
        String text = g.text().replace("\r", "").replace("\n", "⏎");
        String line = head + text;
        if (tm.width(line, style) <= maxWidth) {
            return line;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (tm.width(head + text.substring(0, mid) + "…", style) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return head + text.substring(0, lo) + "…";
    }

    /** {lo, hi} widened by 8 % of the span (±1 around a single value). */
    static double[] pad(double lo, double hi) {
        if (hi - lo < 1e-9) {
            return new double[] {lo - 1, hi + 1};
        }
        double p = (hi - lo) * 0.08;
        return new double[] {lo - p, hi + p};
    }
}

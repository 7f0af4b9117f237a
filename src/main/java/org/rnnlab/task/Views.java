package org.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import org.rnnlab.engine.Seq2SeqBatch;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/** Builds {@link SequenceView}s: the default rendering every task starts from. */
final class Views {
    private Views() {}

    static SequenceView standard(Task task, TaskBatch batch, int b, Predictions p) {
        if (batch instanceof Seq2SeqBatch s) {
            DecoderSpec spec = task.decoder();
            IntFunction<String> decoderLabel = k -> spec != null && k == spec.startToken() ? "<s>" : task.classLabel(k);
            return encoderDecoder(task, s, b, p, decoderLabel);
        }
        return sequence(task, (SequenceBatch) batch, b, p, DoubleUnaryOperator.identity(), "%.3f");
    }

    /**
     * A plain sequence. Numbers go through {@code scale} (e.g. back to passengers) and are
     * printed with {@code format}.
     */
    static SequenceView sequence(Task task, SequenceBatch sb, int b, Predictions p, DoubleUnaryOperator scale,
                                 String format) {
        checkRow(sb, b);
        List<TickView> ticks = new ArrayList<>(sb.steps());
        boolean regression = !sb.isClassification();
        for (int t = 0; t < sb.steps(); t++) {
            int i = sb.index(t, b);
            boolean scored = sb.lossMask()[i] != 0;
            String in;
            double inValue = Double.NaN;
            if (sb.usesTokens()) {
                in = task.inputLabel(sb.tokens()[i]);
            } else if (sb.inputSize() == 1) {
                inValue = scale.applyAsDouble(sb.inputs()[i]);
                in = fmt(format, inValue);
            } else {
                int hot = oneHotIndex(sb.inputs(), i * sb.inputSize(), sb.inputSize());
                if (hot >= 0) {
                    in = task.inputLabel(hot);
                } else {
                    StringBuilder s = new StringBuilder("(");
                    for (int k = 0; k < sb.inputSize(); k++) {
                        if (k > 0) {
                            s.append(", ");
                        }
                        s.append(fmt(format, sb.inputs()[i * sb.inputSize() + k]));
                    }
                    in = s.append(')').toString();
                }
            }
            String target;
            double targetValue = Double.NaN;
            String pred = "";
            double predValue = Double.NaN;
            if (regression) {
                targetValue = scale.applyAsDouble(sb.targets()[i * sb.outputSize()]);
                target = fmt(format, targetValue);
                if (p != null) {
                    double y = p.output(t, b, 0);
                    if (Double.isFinite(y)) {
                        predValue = scale.applyAsDouble(y);
                        pred = fmt(format, predValue);
                    }
                }
            } else {
                target = scored ? task.classLabel(sb.classes()[i]) : "";
                if (p != null && Double.isFinite(p.output(t, b, 0))) {
                    int k = p.argmax(t, b);
                    pred = task.classLabel(k);
                    predValue = probability(p, t, b, sb.outputSize(), k);
                }
            }
            ticks.add(new TickView(in, target, pred, scored, inValue, targetValue, predValue));
        }
        return new SequenceView(ticks, 0, regression && sb.inputSize() == 1 && !sb.usesTokens());
    }

    /** Encoder ticks (source words), then decoder ticks (fed token, target class, prediction). */
    static SequenceView encoderDecoder(Task task, Seq2SeqBatch s, int b, Predictions p,
                                       IntFunction<String> decoderInputLabel) {
        SequenceBatch src = s.source();
        SequenceBatch tgt = s.target();
        checkRow(src, b);
        List<TickView> ticks = new ArrayList<>();
        for (int t = 0; t < src.steps(); t++) {
            int tok = src.tokens()[src.index(t, b)];
            ticks.add(new TickView(task.inputLabel(tok), "", "", false, Double.NaN, Double.NaN, Double.NaN));
        }
        for (int t = 0; t < tgt.steps(); t++) {
            int i = tgt.index(t, b);
            boolean scored = tgt.lossMask()[i] != 0;
            String pred = "";
            double predValue = Double.NaN;
            if (p != null && Double.isFinite(p.output(t, b, 0))) {
                int k = p.argmax(t, b);
                pred = task.classLabel(k);
                predValue = probability(p, t, b, tgt.outputSize(), k);
            }
            ticks.add(new TickView(decoderInputLabel.apply(tgt.tokens()[i]),
                    scored ? task.classLabel(tgt.classes()[i]) : "", pred, scored, Double.NaN, Double.NaN, predValue));
        }
        return new SequenceView(ticks, src.steps(), false);
    }

    /** softmax(outputs)_k at tick t, row b. */
    static double probability(Predictions p, int t, int b, int classes, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            max = Math.max(max, p.output(t, b, j));
        }
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            sum += Math.exp(p.output(t, b, j) - max);
        }
        return Math.exp(p.output(t, b, k) - max) / sum;
    }

    /** The position of the single 1 in a 0/1 vector, or −1 when it is not one-hot. */
    static int oneHotIndex(double[] a, int off, int n) {
        int hot = -1;
        for (int k = 0; k < n; k++) {
            double v = a[off + k];
            if (v == 1.0) {
                if (hot >= 0) {
                    return -1;
                }
                hot = k;
            } else if (v != 0.0) {
                return -1;
            }
        }
        return hot;
    }

    static String fmt(String format, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : Double.toString(v);
    }

    static void checkRow(SequenceBatch sb, int b) {
        if (b < 0 || b >= sb.batch()) {
            throw new IllegalArgumentException("sequence " + b + " is outside the batch 0.." + (sb.batch() - 1));
        }
    }
}

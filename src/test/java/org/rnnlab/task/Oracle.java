package org.rnnlab.task;

import java.util.Arrays;
import org.rnnlab.engine.Seq2SeqBatch;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/** Predictions that are exactly right (or, with {@link #constant}, a fixed answer), for scoring tests. */
final class Oracle implements Predictions {
    private final SequenceBatch sb;
    private final Seq2SeqBatch s2s;
    private final double[] constant;

    private Oracle(TaskBatch batch, double[] constant) {
        this.s2s = batch instanceof Seq2SeqBatch s ? s : null;
        this.sb = s2s != null ? s2s.target() : (SequenceBatch) batch;
        this.constant = constant;
    }

    static Oracle perfect(TaskBatch batch) {
        return new Oracle(batch, null);
    }

    /** Outputs {@code y} (regression) at every tick. */
    static Oracle constant(TaskBatch batch, double... y) {
        return new Oracle(batch, y);
    }

    @Override
    public double output(int t, int b, int k) {
        int i = sb.index(t, b);
        if (constant != null) {
            return constant[k];
        }
        if (sb.isClassification()) {
            return sb.classes()[i] == k ? 10.0 : 0.0;
        }
        return sb.targets()[i * sb.outputSize() + k];
    }

    @Override
    public int argmax(int t, int b) {
        if (constant != null) {
            int best = 0;
            for (int k = 1; k < constant.length; k++) {
                if (constant[k] > constant[best]) {
                    best = k;
                }
            }
            return best;
        }
        return sb.isClassification() ? sb.classes()[sb.index(t, b)] : 0;
    }

    @Override
    public int[] decode(int b, int maxSteps) {
        int[] out = new int[Math.min(maxSteps, sb.steps())];
        for (int t = 0; t < out.length; t++) {
            out[t] = sb.classes()[sb.index(t, b)];
        }
        return s2s == null ? out : Arrays.copyOf(out, out.length);
    }
}

package org.rnnlab.task;

import java.util.SplittableRandom;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/**
 * The temporal order problem (Hochreiter &amp; Schmidhuber 1997, "Long Short-Term Memory",
 * experiment 6a), at a fixed length T.
 *
 * <p>Symbols (one-hot, 8 inputs): distractors a, b, c, d; markers X, Y; start E; end B (the
 * paper's letters). A sequence is E, then distractors drawn uniformly, then B at the last tick;
 * two ticks t1 and t2 hold X or Y instead. The windows scale with T as the paper's do for
 * T ≈ 100: t1 uniform in [round(0.1·T), round(0.2·T)], t2 uniform in [round(0.5·T),
 * round(0.6·T)] (clamped so that 1 ≤ t1 &lt; t2 ≤ T − 2). The class, read at the last tick
 * (many-to-one, cross-entropy), is the order of the markers: XX, XY, YX or YY. The paper used
 * lengths 100–110 with t1 in 10–20 and t2 in 50–60; here the length is fixed per task so that
 * sequences batch without padding.
 *
 * <p>Baseline: chance, 25 % (cross-entropy ln 4 ≈ 1.386). Solved: test accuracy ≥ 99 % (at
 * most 10 errors in 1000). Hochreiter &amp; Schmidhuber stopped training when 2000 consecutive
 * training sequences were classified correctly, which is stricter; a network that has found
 * both markers classifies all but a handful, and one that has not stays near 25 % or 50 %.
 */
public final class TemporalOrderTask extends GeneratedTask {
    public static final String ID = "order";
    public static final int DEFAULT_LENGTH = 50;
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1000;
    public static final int TEST_SIZE = 1000;
    public static final double SOLVED_ACCURACY = 0.99;

    /** One-hot positions of the markers, start and end; the distractors a–d are 0–3. */
    public static final int X = 4;
    public static final int Y = 5;
    public static final int START = 6;
    public static final int END = 7;
    private static final String[] SYMBOLS = {"a", "b", "c", "d", "X", "Y", "E", "B"};
    /** The symbols whose order is the class: X and Y (the rest are distractors, start and end). */
    public static final java.util.Set<String> MARKERS = java.util.Set.of(SYMBOLS[X], SYMBOLS[Y]);
    private static final String[] CLASSES = {"XX", "XY", "YX", "YY"};

    private final int lo1;
    private final int hi1;
    private final int lo2;
    private final int hi2;

    public TemporalOrderTask(TaskOptions options) {
        super(TaskSupport.checkRange("sequence length T for order", options.lengthOr(DEFAULT_LENGTH),
                MIN_LENGTH, MAX_LENGTH),
                options.seed(), TEST_SIZE);
        lo1 = Math.max(1, (int) Math.round(0.1 * steps));
        hi1 = Math.max(lo1, (int) Math.round(0.2 * steps));
        lo2 = Math.max(hi1 + 1, (int) Math.round(0.5 * steps));
        hi2 = Math.min(steps - 2, Math.max(lo2, (int) Math.round(0.6 * steps)));
    }

    /** The window of the first marker, inclusive: {lo, hi}. */
    public int[] firstWindow() {
        return new int[] {lo1, hi1};
    }

    /** The window of the second marker, inclusive: {lo, hi}. */
    public int[] secondWindow() {
        return new int[] {lo2, hi2};
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Temporal order (Hochreiter & Schmidhuber 1997)";
    }

    @Override
    public String description() {
        return "Among random letters a–d, two ticks hold X or Y (one near tick " + lo1 + "–" + hi1 + ", one near "
                + lo2 + "–" + hi2 + "). At the end the network must say in which order they came: XX, XY, YX or YY.";
    }

    @Override
    public IoPattern pattern() {
        return IoPattern.MANY_TO_ONE;
    }

    @Override
    public int inputSize() {
        return SYMBOLS.length;
    }

    @Override
    public int vocabulary() {
        return 0;
    }

    @Override
    public int outputSize() {
        return CLASSES.length;
    }

    @Override
    public LossKind loss() {
        return LossKind.CROSS_ENTROPY;
    }

    @Override
    protected SequenceBatch generate(int batch, SplittableRandom rng) {
        int x = SYMBOLS.length;
        double[] in = new double[steps * batch * x];
        int[] cls = new int[steps * batch];
        for (int b = 0; b < batch; b++) {
            int[] sym = new int[steps];
            for (int t = 1; t < steps - 1; t++) {
                sym[t] = rng.nextInt(4);
            }
            sym[0] = START;
            sym[steps - 1] = END;
            int t1 = lo1 + rng.nextInt(hi1 - lo1 + 1);
            int t2 = lo2 + rng.nextInt(hi2 - lo2 + 1);
            boolean firstY = rng.nextBoolean();
            boolean secondY = rng.nextBoolean();
            sym[t1] = firstY ? Y : X;
            sym[t2] = secondY ? Y : X;
            int label = (firstY ? 2 : 0) + (secondY ? 1 : 0);
            for (int t = 0; t < steps; t++) {
                TaskSupport.oneHot(in, t * batch + b, x, sym[t]);
                cls[t * batch + b] = label;
            }
        }
        return new SequenceBatch(steps, batch, x, in, null, CLASSES.length, null, cls,
                LossPlacement.LAST.mask(steps, batch));
    }

    @Override
    public Metric metric() {
        return Metric.accuracy("accuracy", SOLVED_ACCURACY, outputSize());
    }

    @Override
    public void score(TaskBatch batch, Predictions predictions, MetricAccumulator acc) {
        TaskSupport.scoreAccuracy(TaskSupport.sequences(batch), predictions, acc);
    }

    @Override
    public String baseline() {
        return "chance: accuracy 25 % (cross-entropy ln 4 ≈ 1.386); the four classes are equally likely";
    }

    @Override
    public String solvedReason() {
        return "test accuracy ≥ 99 %: at most 10 errors in 1000 (Hochreiter & Schmidhuber 1997 stopped at 2000 "
                + "consecutive correct training sequences, a stricter bar)";
    }

    @Override
    public String inputLabel(int token) {
        return SYMBOLS[token];
    }

    @Override
    public String classLabel(int k) {
        return CLASSES[k];
    }
}

package org.rnnlab.task;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rnnlab.engine.Gaussian;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/**
 * Next-value prediction on a noisy sum of sines, the classic first exercise for a recurrent
 * network (as in the time-series chapter of Géron, "Hands-On Machine Learning", 2nd ed. 2019,
 * whose series are two sines plus noise).
 *
 * <p>Each sequence is s_t = Σ_k a_k sin(2π t / p_k + φ_k) + ε_t with 2 or 3 components,
 * amplitudes a_k ~ U(0.2, 0.5), periods p_k ~ U(8, 40) ticks, phases φ_k ~ U(0, 2π) and noise
 * ε_t ~ N(0, 0.05²), all drawn per sequence. Input x_t = s_t (one feature), target s_{t+1}.
 * Variants: {@code many-to-many}, the loss at every tick (the network predicts the next value
 * all along); {@code many-to-one}, a window of T values and the loss at its last tick only.
 * Loss and metric: MSE over the scored ticks.
 *
 * <p>Baseline: persistence (predict s_{t+1} = s_t), its MSE measured on the same test ticks.
 * The noise alone costs 0.0025 (σ²) for any predictor. Solved: MSE at most half the persistence
 * MSE, which needs the network to extrapolate the oscillation rather than echo its input.
 */
public final class SineTask extends GeneratedTask implements ScalarSeriesTask {
    public static final String ID = "sine";
    public static final String MANY_TO_MANY = "many-to-many";
    public static final String MANY_TO_ONE = "many-to-one";
    public static final List<String> VARIANTS = List.of(MANY_TO_MANY, MANY_TO_ONE);
    public static final int DEFAULT_LENGTH = 50;
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 1000;
    public static final int TEST_SIZE = 500;
    public static final double NOISE = 0.05;

    private final boolean manyToOne;
    private final double persistenceMse;

    public SineTask(TaskOptions options) {
        super(TaskSupport.checkRange("sequence length T for sine", options.lengthOr(DEFAULT_LENGTH),
                MIN_LENGTH, MAX_LENGTH),
                options.seed(), TEST_SIZE);
        String v = options.variant() == null ? MANY_TO_MANY : options.variant().toLowerCase(Locale.ROOT);
        if (!VARIANTS.contains(v)) {
            throw new IllegalArgumentException("variant '" + options.variant() + "' for sine is not one of "
                    + String.join(", ", VARIANTS));
        }
        this.manyToOne = v.equals(MANY_TO_ONE);
        double se = 0;
        long n = 0;
        for (TaskBatch tb : testBatches(256)) {
            SequenceBatch sb = (SequenceBatch) tb;
            for (int i = 0; i < sb.lossMask().length; i++) {
                if (sb.lossMask()[i] != 0) {
                    double d = sb.targets()[i] - sb.inputs()[i];
                    se += d * d;
                    n++;
                }
            }
        }
        this.persistenceMse = se / n;
    }

    public String variant() {
        return manyToOne ? MANY_TO_ONE : MANY_TO_MANY;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Sum of sines: predict the next value" + (manyToOne ? " (window)" : "");
    }

    @Override
    public String description() {
        return manyToOne
                ? "A window of " + steps + " noisy values of a sum of sines; after the last one the network predicts "
                        + "the value that comes next."
                : "A noisy sum of two or three sines, one value per tick; at every tick the network predicts the "
                        + "next value.";
    }

    @Override
    public IoPattern pattern() {
        return manyToOne ? IoPattern.MANY_TO_ONE : IoPattern.MANY_TO_MANY;
    }

    @Override
    protected SequenceBatch generate(int batch, SplittableRandom rng) {
        double[] x = new double[steps * batch];
        double[] y = new double[steps * batch];
        double[] s = new double[steps + 1];
        for (int b = 0; b < batch; b++) {
            series(rng, s);
            for (int t = 0; t < steps; t++) {
                x[t * batch + b] = s[t];
                y[t * batch + b] = s[t + 1];
            }
        }
        LossPlacement placement = manyToOne ? LossPlacement.LAST : LossPlacement.EVERY;
        return new SequenceBatch(steps, batch, 1, x, null, 1, y, null, placement.mask(steps, batch));
    }

    /** Fills s[0..n) with one noisy sum of sines; the draws per sequence are fixed in order. */
    static void series(SplittableRandom rng, double[] s) {
        int components = 2 + rng.nextInt(2);
        double[] amp = new double[components];
        double[] omega = new double[components];
        double[] phase = new double[components];
        for (int k = 0; k < components; k++) {
            amp[k] = 0.2 + 0.3 * rng.nextDouble();
            omega[k] = 2 * Math.PI / (8 + 32 * rng.nextDouble());
            phase[k] = 2 * Math.PI * rng.nextDouble();
        }
        for (int t = 0; t < s.length; t++) {
            double v = 0;
            for (int k = 0; k < components; k++) {
                v += amp[k] * Math.sin(omega[k] * t + phase[k]);
            }
            s[t] = v + NOISE * Gaussian.next(rng);
        }
    }

    /** The persistence forecast's MSE on this test set. */
    public double persistenceMse() {
        return persistenceMse;
    }

    @Override
    public Metric metric() {
        return new Metric("MSE", false, 0.5 * persistenceMse);
    }

    @Override
    public void score(TaskBatch batch, Predictions predictions, MetricAccumulator acc) {
        TaskSupport.scoreMse(TaskSupport.sequences(batch), predictions, acc);
    }

    @Override
    public String baseline() {
        return "persistence (next value = this value): MSE " + TaskSupport.fmt(persistenceMse)
                + " on this test set; the noise alone costs " + TaskSupport.fmt(NOISE * NOISE);
    }

    @Override
    public String solvedReason() {
        return "MSE ≤ half the persistence MSE (" + TaskSupport.fmt(0.5 * persistenceMse)
                + "): the network must extrapolate the oscillation, not echo its input";
    }
}

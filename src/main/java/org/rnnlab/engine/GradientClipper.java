package org.rnnlab.engine;

import java.util.List;

/**
 * Gradient clipping over a list of parameters, as {@code torch.nn.utils}:
 * <ul>
 *   <li>{@link Mode#NORM}, {@code clip_grad_norm_}: with the global norm
 *       ‖g‖ = √(Σ g²) over every element of every gradient and c = max / (‖g‖ + 10⁻⁶),
 *       every gradient is multiplied by c if c &lt; 1 (Pascanu, Mikolov &amp; Bengio, "On the
 *       difficulty of training recurrent neural networks", ICML 2013);</li>
 *   <li>{@link Mode#VALUE}, {@code clip_grad_value_}: every element is clamped to [−v, v];</li>
 *   <li>{@link Mode#NONE}: nothing is changed, the norm is only measured.</li>
 * </ul>
 * Every call returns a {@link ClipReport} with the norm before and after. A gradient that is NaN
 * or infinite is reported (the report's norm is non-finite, {@link ClipReport#finite()} false),
 * never thrown, and the gradients are then left exactly as they were.
 *
 * <p>The norm is summed in one pass; if the sum of squares overflows while every element is
 * finite it is recomputed scaled by the largest |g|, so a huge but finite gradient still has a
 * finite norm and is clipped. Call after the backward pass and before {@link Optimizer#step}.
 * Instances are immutable.
 */
public final class GradientClipper {

    /** How gradients are clipped. */
    public enum Mode {
        /** Measure only. */
        NONE,
        /** Rescale all gradients together so the global L2 norm is at most the threshold. */
        NORM,
        /** Clamp each element to [−threshold, threshold]. */
        VALUE
    }

    /** The 10⁻⁶ PyTorch adds to the norm before dividing. */
    public static final double NORM_EPS = 1e-6;

    private static final GradientClipper NONE = new GradientClipper(Mode.NONE, Double.POSITIVE_INFINITY);

    private final Mode mode;
    private final double threshold;

    private GradientClipper(Mode mode, double threshold) {
        this.mode = mode;
        this.threshold = threshold;
    }

    /** A clipper that only measures the norm. */
    public static GradientClipper none() {
        return NONE;
    }

    /** @param maxNorm finite and > 0 */
    public static GradientClipper byNorm(double maxNorm) {
        return new GradientClipper(Mode.NORM, checkThreshold("max norm", maxNorm));
    }

    /** @param maxValue finite and > 0 */
    public static GradientClipper byValue(double maxValue) {
        return new GradientClipper(Mode.VALUE, checkThreshold("clip value", maxValue));
    }

    public Mode mode() {
        return mode;
    }

    /** The max norm, the max |g|, or +Inf for {@link Mode#NONE}. */
    public double threshold() {
        return threshold;
    }

    /** Clips the gradients of {@code params} in place as configured. */
    public ClipReport clip(List<Param> params) {
        return switch (mode) {
            case NONE -> measure(params);
            case NORM -> clipNorm(params, threshold);
            case VALUE -> clipValue(params, threshold);
        };
    }

    /** Measures the global norm, changes nothing. */
    public static ClipReport measure(List<Param> params) {
        double norm = globalNorm(params);
        return new ClipReport(norm, norm, false, Double.POSITIVE_INFINITY, Mode.NONE);
    }

    /**
     * {@code torch.nn.utils.clip_grad_norm_(params, maxNorm)}: if maxNorm / (‖g‖ + 10⁻⁶) &lt; 1,
     * multiplies every gradient by that factor.
     */
    public static ClipReport clipNorm(List<Param> params, double maxNorm) {
        checkThreshold("max norm", maxNorm);
        double before = globalNorm(params);
        if (!Double.isFinite(before)) {
            return new ClipReport(before, before, false, maxNorm, Mode.NORM);
        }
        double coef = maxNorm / (before + NORM_EPS);
        if (!(coef < 1)) {
            return new ClipReport(before, before, false, maxNorm, Mode.NORM);
        }
        for (int i = 0, n = params.size(); i < n; i++) {
            double[] g = params.get(i).grad().data;
            for (int k = 0; k < g.length; k++) {
                g[k] *= coef;
            }
        }
        return new ClipReport(before, globalNorm(params), true, maxNorm, Mode.NORM);
    }

    /** {@code torch.nn.utils.clip_grad_value_(params, maxValue)}: clamps every element to [−v, v]. */
    public static ClipReport clipValue(List<Param> params, double maxValue) {
        checkThreshold("clip value", maxValue);
        double before = globalNorm(params);
        if (!Double.isFinite(before)) {
            return new ClipReport(before, before, false, maxValue, Mode.VALUE);
        }
        boolean clipped = false;
        for (int i = 0, n = params.size(); i < n; i++) {
            double[] g = params.get(i).grad().data;
            for (int k = 0; k < g.length; k++) {
                double x = g[k];
                if (x > maxValue) {
                    g[k] = maxValue;
                    clipped = true;
                } else if (x < -maxValue) {
                    g[k] = -maxValue;
                    clipped = true;
                }
            }
        }
        return new ClipReport(before, clipped ? globalNorm(params) : before, clipped, maxValue, Mode.VALUE);
    }

    /**
     * √(Σ g²) over every gradient element of {@code params}: NaN if any element is NaN, +Inf if
     * any is infinite, otherwise finite (rescaled if the plain sum of squares overflows).
     */
    public static double globalNorm(List<Param> params) {
        if (params == null) {
            throw new IllegalArgumentException("params must be given, was null");
        }
        int n = params.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double[] g = params.get(i).grad().data;
            for (int k = 0; k < g.length; k++) {
                sum += g[k] * g[k];
            }
        }
        if (sum < Double.POSITIVE_INFINITY) {
            return Math.sqrt(sum);
        }
        if (Double.isNaN(sum)) {
            return Double.NaN;
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (double x : params.get(i).grad().data) {
                max = Math.max(max, Math.abs(x));
            }
        }
        if (max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double scaled = 0;
        for (int i = 0; i < n; i++) {
            for (double x : params.get(i).grad().data) {
                double r = x / max;
                scaled += r * r;
            }
        }
        return max * Math.sqrt(scaled);
    }

    private static double checkThreshold(String name, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case NONE -> "no clipping";
            case NORM -> "clip global norm to " + threshold;
            case VALUE -> "clip values to ±" + threshold;
        };
    }
}

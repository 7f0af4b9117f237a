package org.rnnlab.engine;

/**
 * The pointwise nonlinearities of the cells and their derivatives, written in terms of the
 * activation's output (σ' = σ(1 − σ), tanh' = 1 − tanh²), which is what backpropagation keeps.
 *
 * <p>σ and tanh are computed from one exponential core rather than {@link Math#tanh} (about five
 * times slower): x = k·ln 2 + r with |r| ≤ ln 2 / 2 (Cody–Waite), e^r − 1 by its Taylor series to
 * r¹³/13! (truncation below 2⁻⁵⁶ relative), then scaled by 2^k. tanh is formed from
 * e^{−2|a|} − 1, which keeps full relative accuracy near 0:
 * <pre>
 *   tanh a = sign(a) · (−E) / (2 + E),   E = e^{−2|a|} − 1
 *   σ(a)   = 1 / (1 + e^{−|a|})  (a ≥ 0),   e^{−|a|} / (1 + e^{−|a|})  (a &lt; 0; 0 below a = −708)
 * </pre>
 * Both stay within a few units in the last place of the exact values (tested against
 * {@link Math#tanh} and {@link Math#exp}). The array forms run the identical sequence of IEEE
 * operations on the Vector API when it is available ({@link Simd}), so a value never depends on
 * which path computed it.
 */
public final class Activations {
    private Activations() {}

    static final double INV_LN2 = 1.4426950408889634;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2⁵²: adding it rounds to an integer held in the low mantissa bits. */
    static final double SHIFTER = 6755399441055744.0;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** e^−708 ≈ 3·10^−308 is the smallest e^x whose 2^k is a normal double; below, σ is taken as 0. */
    static final double EXP_MIN_ARG = -708.0;
    /** e^{−64} is far below half an ulp of 1: tanh is ±1 beyond |a| = 32. */
    static final double TANH_MIN_ARG = -64.0;

    static final double C2 = 1.0 / 2;
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;
    static final double C6 = 1.0 / 720;
    static final double C7 = 1.0 / 5040;
    static final double C8 = 1.0 / 40320;
    static final double C9 = 1.0 / 362880;
    static final double C10 = 1.0 / 3628800;
    static final double C11 = 1.0 / 39916800;
    static final double C12 = 1.0 / 479001600;
    static final double C13 = 1.0 / 6227020800.0;

    /** e^r − 1 for |r| ≤ ln 2 / 2 (plus rounding): r + r²·(1/2! + r/3! + … + r¹¹/13!). */
    static double expm1Reduced(double r) {
        double p = Math.fma(C13, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        return Math.fma(r * r, p, r);
    }

    /** 2^k for −1022 ≤ k ≤ 1023. */
    static double pow2(long k) {
        return Double.longBitsToDouble((k + 1023) << 52);
    }

    /**
     * e^y for y = max(x, −708) ≤ 0, via t = y/ln 2 + 1.5·2⁵² (k in t's low bits), r = y − k·ln 2,
     * (1 + (e^r − 1))·2^k.
     */
    static double expClamped(double x) {
        double y = Math.max(x, EXP_MIN_ARG);
        double t = Math.fma(y, INV_LN2, SHIFTER);
        double kd = t - SHIFTER;
        double r = Math.fma(-kd, LN2_HI, y);
        r = Math.fma(-kd, LN2_LO, r);
        return (1.0 + expm1Reduced(r)) * pow2(Double.doubleToRawLongBits(t) - SHIFTER_BITS);
    }

    /** e^y − 1 for y = max(x, −64) ≤ 0, as {@link #expClamped} but with 2^k·q + (2^k − 1) (one rounding). */
    static double expm1Clamped(double x) {
        double y = Math.max(x, TANH_MIN_ARG);
        double t = Math.fma(y, INV_LN2, SHIFTER);
        double kd = t - SHIFTER;
        double r = Math.fma(-kd, LN2_HI, y);
        r = Math.fma(-kd, LN2_LO, r);
        double s = pow2(Double.doubleToRawLongBits(t) - SHIFTER_BITS);
        return Math.fma(expm1Reduced(r), s, s - 1.0);
    }

    /**
     * Logistic sigmoid σ(a) = 1 / (1 + e^−a), evaluated without overflow for large |a|. For
     * a &lt; −708 (σ below 10^−307, where e^a would need a subnormal scale) it returns 0.
     */
    public static double sigmoid(double a) {
        double y = -Math.abs(a);
        double e = y < EXP_MIN_ARG ? 0.0 : expClamped(y);
        return (a >= 0 ? 1.0 : e) / (1.0 + e);
    }

    /** Hyperbolic tangent, accurate to a few ulps (relative) including near 0. */
    public static double tanh(double a) {
        double em = expm1Clamped(-2.0 * Math.abs(a));
        double th = Math.abs(-em / (2.0 + em));
        double signed = a < 0 ? -th : th;
        return a == 0 ? a : signed;
    }

    public static double relu(double a) {
        return a > 0 || a != a ? a : 0.0;
    }

    /** dσ/da from s = σ(a). */
    public static double sigmoidGradFromOutput(double s) {
        return s * (1.0 - s);
    }

    /** dtanh/da from y = tanh(a). */
    public static double tanhGradFromOutput(double y) {
        return 1.0 - y * y;
    }

    /** dReLU/da from y = relu(a), taking 0 at a = 0 as PyTorch does. */
    public static double reluGradFromOutput(double y) {
        return y > 0 ? 1.0 : 0.0;
    }

    // ---- array forms: out[i] = f(a[i] + b[i]) over len values (b may be null: f(a[i])) ----

    /** {@code out[o+i] = σ(a[ao+i] + b[bo+i])}, or σ(a[ao+i]) when b is null. */
    public static void sigmoid(double[] a, int ao, double[] b, int bo, double[] out, int oo, int len) {
        int i = 0;
        if (Simd.ENABLED) {
            i = SimdPointwise.sigmoid(a, ao, b, bo, out, oo, len);
        }
        for (; i < len; i++) {
            out[oo + i] = sigmoid(b == null ? a[ao + i] : a[ao + i] + b[bo + i]);
        }
    }

    /** {@code out[o+i] = tanh(a[ao+i] + b[bo+i])}, or tanh(a[ao+i]) when b is null. */
    public static void tanh(double[] a, int ao, double[] b, int bo, double[] out, int oo, int len) {
        int i = 0;
        if (Simd.ENABLED) {
            i = SimdPointwise.tanh(a, ao, b, bo, out, oo, len);
        }
        for (; i < len; i++) {
            out[oo + i] = tanh(b == null ? a[ao + i] : a[ao + i] + b[bo + i]);
        }
    }

    /** {@code out[o+i] = relu(a[ao+i] + b[bo+i])}, or relu(a[ao+i]) when b is null. */
    public static void relu(double[] a, int ao, double[] b, int bo, double[] out, int oo, int len) {
        for (int i = 0; i < len; i++) {
            out[oo + i] = relu(b == null ? a[ao + i] : a[ao + i] + b[bo + i]);
        }
    }
}

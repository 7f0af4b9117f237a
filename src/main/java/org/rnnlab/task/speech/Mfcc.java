package org.rnnlab.task.speech;

/**
 * Mel-frequency cepstral coefficients from log-mel frames, by the orthonormal DCT-II:
 * <pre>
 *   c_0 = sqrt(1/M) · Σ_{j=0}^{M−1} L[j]
 *   c_n = sqrt(2/M) · Σ_{j=0}^{M−1} L[j] · cos(π · n · (j + ½) / M),   n = 1 .. C − 1
 * </pre>
 * for M log-mel energies L and C ≤ M kept coefficients (Davis &amp; Mermelstein, "Comparison of
 * parametric representations for monosyllabic word recognition in continuously spoken
 * sentences", IEEE Trans. ASSP 28(4), 1980; the scaling is scipy's {@code dct(type=2, norm='ortho')}).
 */
public final class Mfcc {

    private final int melFilters;
    private final int coefficients;
    private final double[][] basis;

    /**
     * @param melFilters   M ≥ 1
     * @param coefficients C in 1..M
     */
    public Mfcc(int melFilters, int coefficients) {
        if (melFilters < 1) {
            throw new IllegalArgumentException("melFilters must be at least 1, was " + melFilters);
        }
        if (coefficients < 1 || coefficients > melFilters) {
            throw new IllegalArgumentException("coefficients must be in 1.." + melFilters + ", was " + coefficients);
        }
        this.melFilters = melFilters;
        this.coefficients = coefficients;
        this.basis = new double[coefficients][melFilters];
        for (int n = 0; n < coefficients; n++) {
            double scale = Math.sqrt((n == 0 ? 1.0 : 2.0) / melFilters);
            for (int j = 0; j < melFilters; j++) {
                basis[n][j] = scale * Math.cos(Math.PI * n * (j + 0.5) / melFilters);
            }
        }
    }

    public int melFilters() {
        return melFilters;
    }

    public int coefficients() {
        return coefficients;
    }

    /** The C coefficients of one log-mel frame. */
    public double[] apply(double[] logMel) {
        if (logMel.length != melFilters) {
            throw new IllegalArgumentException("logMel must hold " + melFilters + " values, had " + logMel.length);
        }
        double[] c = new double[coefficients];
        for (int n = 0; n < coefficients; n++) {
            double s = 0;
            for (int j = 0; j < melFilters; j++) {
                s += basis[n][j] * logMel[j];
            }
            c[n] = s;
        }
        return c;
    }

    /** The coefficients of every frame, [T][C] from [T][M]. */
    public double[][] apply(double[][] logMel) {
        double[][] out = new double[logMel.length][];
        for (int t = 0; t < logMel.length; t++) {
            out[t] = apply(logMel[t]);
        }
        return out;
    }
}

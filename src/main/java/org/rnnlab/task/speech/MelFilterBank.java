package org.rnnlab.task.speech;

/**
 * A bank of M triangular filters spaced evenly on the mel scale, applied to a one-sided power
 * spectrum of K/2 + 1 bins.
 *
 * <p>Mel scale, as in the HTK Book (S. Young et al., <i>The HTK Book</i>, version 3.4,
 * Cambridge University Engineering Department, 2006, section 5.4 "Filterbank Analysis"):
 * <pre>
 *   mel(f) = 2595 · log10(1 + f / 700)        (= 1127 · ln(1 + f / 700))
 *   f(m)   = 700 · (10^(m / 2595) − 1)
 * </pre>
 * M + 2 edge frequencies are placed evenly in mel between {@code minHz} and {@code maxHz}:
 * <pre>
 *   e_j = f( mel(minHz) + j · (mel(maxHz) − mel(minHz)) / (M + 1) ),   j = 0 .. M + 1
 * </pre>
 * Filter j (0-based, j = 0 .. M − 1) rises from e_j to a peak of 1 at its centre e_{j+1} and
 * falls to 0 at e_{j+2}:
 * <pre>
 *   H_j(f) = (f − e_j) / (e_{j+1} − e_j)          for e_j ≤ f ≤ e_{j+1}
 *          = (e_{j+2} − f) / (e_{j+2} − e_{j+1})  for e_{j+1} ≤ f ≤ e_{j+2}
 *          = 0                                     elsewhere
 * </pre>
 * evaluated at the FFT bin frequencies f_k = k · fs / K (the triangle is sampled, not snapped
 * to bins, so no filter is empty as long as each is wider than one bin). Neighbouring triangles
 * share their edges, so between the first and the last centre the weights of any frequency sum
 * to 1. Filter energies: E_j = Σ_k H_j(f_k) · P[k].
 */
public final class MelFilterBank {

    private final int filters;
    private final int fftSize;
    private final int sampleRate;
    private final double minHz;
    private final double maxHz;
    private final double[] edges;
    /** weights[j][k] for bins k = first[j] .. first[j] + weights[j].length − 1. */
    private final double[][] weights;
    private final int[] first;

    /**
     * @param filters    M ≥ 1
     * @param fftSize    K ≥ 2, even
     * @param sampleRate fs in Hz
     * @param minHz      lower edge, 0 ≤ minHz &lt; maxHz
     * @param maxHz      upper edge, ≤ fs / 2
     */
    public MelFilterBank(int filters, int fftSize, int sampleRate, double minHz, double maxHz) {
        if (filters < 1) {
            throw new IllegalArgumentException("filters must be at least 1, was " + filters);
        }
        if (fftSize < 2 || fftSize % 2 != 0) {
            throw new IllegalArgumentException("fftSize must be even and at least 2, was " + fftSize);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be at least 1, was " + sampleRate);
        }
        if (!(minHz >= 0 && minHz < maxHz && maxHz <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("need 0 ≤ minHz < maxHz ≤ sampleRate/2 = " + sampleRate / 2.0
                    + ", had minHz=" + minHz + " maxHz=" + maxHz);
        }
        this.filters = filters;
        this.fftSize = fftSize;
        this.sampleRate = sampleRate;
        this.minHz = minHz;
        this.maxHz = maxHz;
        this.edges = new double[filters + 2];
        double lo = hzToMel(minHz);
        double hi = hzToMel(maxHz);
        for (int j = 0; j < edges.length; j++) {
            edges[j] = melToHz(lo + j * (hi - lo) / (filters + 1));
        }
        edges[0] = minHz;
        edges[filters + 1] = maxHz;
        int bins = fftSize / 2 + 1;
        this.weights = new double[filters][];
        this.first = new int[filters];
        for (int j = 0; j < filters; j++) {
            int a = -1;
            int b = -1;
            for (int k = 0; k < bins; k++) {
                if (triangle(j, binHz(k)) > 0) {
                    if (a < 0) {
                        a = k;
                    }
                    b = k;
                }
            }
            if (a < 0) {
                throw new IllegalArgumentException("mel filter " + j + " (" + edges[j] + "–" + edges[j + 2]
                        + " Hz) covers no FFT bin: use fewer filters or a larger fftSize than " + fftSize);
            }
            first[j] = a;
            weights[j] = new double[b - a + 1];
            for (int k = a; k <= b; k++) {
                weights[j][k - a] = triangle(j, binHz(k));
            }
        }
    }

    /** mel(f) = 2595 · log10(1 + f / 700). */
    public static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    /** f(m) = 700 · (10^(m / 2595) − 1). */
    public static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }

    public int filters() {
        return filters;
    }

    public int fftSize() {
        return fftSize;
    }

    /** Number of one-sided spectrum bins, K / 2 + 1. */
    public int bins() {
        return fftSize / 2 + 1;
    }

    public double minHz() {
        return minHz;
    }

    public double maxHz() {
        return maxHz;
    }

    /** Frequency of bin k, k · fs / K. */
    public double binHz(int k) {
        return k * (double) sampleRate / fftSize;
    }

    /** Centre (peak) frequency of filter j, e_{j+1}. */
    public double centerHz(int j) {
        checkFilter(j);
        return edges[j + 1];
    }

    /** Lower edge of filter j, e_j. */
    public double lowerHz(int j) {
        checkFilter(j);
        return edges[j];
    }

    /** Upper edge of filter j, e_{j+2}. */
    public double upperHz(int j) {
        checkFilter(j);
        return edges[j + 2];
    }

    /** H_j(f): the continuous triangle of filter j at frequency f. */
    public double response(int j, double hz) {
        checkFilter(j);
        return triangle(j, hz);
    }

    /** H_j(f_k): the weight of bin k in filter j. */
    public double weight(int j, int k) {
        checkFilter(j);
        if (k < 0 || k >= bins()) {
            throw new IllegalArgumentException("bin must be in 0.." + (bins() - 1) + ", was " + k);
        }
        int i = k - first[j];
        return i >= 0 && i < weights[j].length ? weights[j][i] : 0.0;
    }

    /**
     * E_j = Σ_k H_j(f_k) · power[k] for every filter: power holds K/2 + 1 bins, out M energies.
     * Allocates nothing.
     */
    public void apply(double[] power, double[] out) {
        if (power.length < bins()) {
            throw new IllegalArgumentException("power must hold " + bins() + " bins, had " + power.length);
        }
        if (out.length < filters) {
            throw new IllegalArgumentException("out must hold " + filters + " values, had " + out.length);
        }
        for (int j = 0; j < filters; j++) {
            double[] w = weights[j];
            int a = first[j];
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                s += w[i] * power[a + i];
            }
            out[j] = s;
        }
    }

    private double triangle(int j, double f) {
        double lo = edges[j];
        double mid = edges[j + 1];
        double hi = edges[j + 2];
        if (f <= lo || f >= hi) {
            return f == mid ? 1.0 : 0.0;
        }
        return f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
    }

    private void checkFilter(int j) {
        if (j < 0 || j >= filters) {
            throw new IllegalArgumentException("filter must be in 0.." + (filters - 1) + ", was " + j);
        }
    }
}

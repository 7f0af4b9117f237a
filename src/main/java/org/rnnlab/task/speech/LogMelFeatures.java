package org.rnnlab.task.speech;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Log-mel filterbank features of mono audio, one vector of M log energies per frame.
 *
 * <p>For samples x[n] scaled to [-1, 1) (16-bit value / 32768):
 * <ol>
 *   <li>Pre-emphasis (skipped when α = 0): y[0] = x[0], y[n] = x[n] − α · x[n − 1].</li>
 *   <li>Framing: frame m starts at sample m · hop and holds N = {@code frameLength} samples;
 *       there are 1 + ⌊(len − N) / hop⌋ frames (one zero-padded frame if len &lt; N); a tail
 *       shorter than a frame is dropped.</li>
 *   <li>Periodic Hann window: w[n] = 0.5 − 0.5 · cos(2πn / N), n = 0 .. N − 1.</li>
 *   <li>Power spectrum: the windowed frame is zero-padded to K = {@code fftSize} samples,
 *       X_m[k] = Σ_n y[m·hop + n] · w[n] · e^(−2πikn/K) by JTransforms' {@code DoubleFFT_1D.realForward},
 *       P_m[k] = |X_m[k]|² for k = 0 .. K/2.</li>
 *   <li>Mel energies: E_m[j] = Σ_k H_j(f_k) · P_m[k], j = 0 .. M − 1, with the triangular filters
 *       of {@link MelFilterBank} (HTK mel scale).</li>
 *   <li>Pooling by p = {@code pool} (1 = none): Ē_q[j] = (1/|G_q|) Σ_{m ∈ G_q} E_m[j] with groups
 *       G_q = {q·p, ..., q·p + p − 1} of consecutive frames (the last group may be shorter), so
 *       there are ⌈frames / p⌉ output frames, one every p · hop samples. Averaging energies, not
 *       logs, gives the energy of a longer analysis window.</li>
 *   <li>Log: L_q[j] = ln(Ē_q[j] + ε) with ε = {@code floor} &gt; 0 so that silence stays finite.</li>
 * </ol>
 * Deterministic: the same samples and configuration give bit-identical features (the FFT of
 * size K &lt; 8192 runs on the calling thread).
 */
public final class LogMelFeatures {

    /**
     * Analysis settings.
     *
     * @param sampleRate  fs in Hz
     * @param frameLength N, samples per analysis window (25 ms at 8 kHz = 200)
     * @param hopLength   samples between window starts (10 ms at 8 kHz = 80)
     * @param fftSize     K ≥ N, a power of two
     * @param melFilters  M
     * @param minHz       lowest filter edge
     * @param maxHz       highest filter edge, ≤ fs / 2
     * @param preEmphasis α in [0, 1)
     * @param pool        p ≥ 1 analysis frames averaged into one output frame
     * @param floor       ε &gt; 0 added to the energy before the log
     */
    public record Config(int sampleRate, int frameLength, int hopLength, int fftSize, int melFilters,
                         double minHz, double maxHz, double preEmphasis, int pool, double floor) {

        public Config {
            if (sampleRate <= 0) {
                throw new IllegalArgumentException("sampleRate must be at least 1, was " + sampleRate);
            }
            if (frameLength < 2) {
                throw new IllegalArgumentException("frameLength must be at least 2, was " + frameLength);
            }
            if (hopLength < 1) {
                throw new IllegalArgumentException("hopLength must be at least 1, was " + hopLength);
            }
            if (fftSize < frameLength || Integer.bitCount(fftSize) != 1) {
                throw new IllegalArgumentException("fftSize must be a power of two ≥ frameLength " + frameLength
                        + ", was " + fftSize);
            }
            if (melFilters < 1) {
                throw new IllegalArgumentException("melFilters must be at least 1, was " + melFilters);
            }
            if (!(preEmphasis >= 0 && preEmphasis < 1)) {
                throw new IllegalArgumentException("preEmphasis must be in [0, 1), was " + preEmphasis);
            }
            if (pool < 1) {
                throw new IllegalArgumentException("pool must be at least 1, was " + pool);
            }
            if (!(floor > 0) || Double.isInfinite(floor)) {
                throw new IllegalArgumentException("floor must be a positive number, was " + floor);
            }
        }

        /** Seconds between output frames: pool · hop / fs. */
        public double frameSeconds() {
            return pool * (double) hopLength / sampleRate;
        }
    }

    /**
     * The settings of the bundled FSDD features: 8 kHz, 25 ms Hann window (200 samples), 10 ms hop
     * (80), K = 256, 26 mel filters over 0–4000 Hz, pre-emphasis 0.97, pairs of frames pooled
     * (one output frame per 20 ms), ε = 1e-6.
     */
    public static final Config FSDD = new Config(8000, 200, 80, 256, 26, 0.0, 4000.0, 0.97, 2, 1e-6);

    private final Config config;
    private final MelFilterBank bank;
    private final DoubleFFT_1D fft;
    private final double[] window;

    public LogMelFeatures(Config config) {
        this.config = config;
        this.bank = new MelFilterBank(config.melFilters(), config.fftSize(), config.sampleRate(),
                config.minHz(), config.maxHz());
        this.fft = new DoubleFFT_1D(config.fftSize());
        this.window = new double[config.frameLength()];
        for (int n = 0; n < window.length; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / window.length);
        }
    }

    public Config config() {
        return config;
    }

    public MelFilterBank filterBank() {
        return bank;
    }

    /** A copy of the analysis window w[n]. */
    public double[] window() {
        return window.clone();
    }

    /** Number of analysis frames (before pooling) for {@code samples} samples. */
    public int analysisFrames(int samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be ≥ 0, was " + samples);
        }
        int n = config.frameLength();
        return samples < n ? 1 : 1 + (samples - n) / config.hopLength();
    }

    /** Number of output frames for {@code samples} samples: ⌈analysisFrames / pool⌉. */
    public int frames(int samples) {
        int p = config.pool();
        return (analysisFrames(samples) + p - 1) / p;
    }

    /** Log-mel features [frames][M] of 16-bit audio at the configured sample rate. */
    public double[][] compute(PcmAudio audio) {
        if (audio.sampleRate() != config.sampleRate()) {
            throw new IllegalArgumentException(audio.name() + ": sample rate " + audio.sampleRate()
                    + " Hz, the features are configured for " + config.sampleRate() + " Hz");
        }
        return compute(audio.normalized());
    }

    /** Log-mel features [frames][M] of samples scaled to [-1, 1). */
    public double[][] compute(double[] x) {
        double[][] energies = melEnergies(x);
        int p = config.pool();
        int m = config.melFilters();
        double[][] out = new double[(energies.length + p - 1) / p][m];
        for (int q = 0; q < out.length; q++) {
            int from = q * p;
            int to = Math.min(energies.length, from + p);
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int f = from; f < to; f++) {
                    s += energies[f][j];
                }
                out[q][j] = Math.log(s / (to - from) + config.floor());
            }
        }
        return out;
    }

    /** Mel energies E_m[j] [analysisFrames][M] before pooling and log. */
    public double[][] melEnergies(double[] x) {
        double[] y = preEmphasize(x);
        int n = config.frameLength();
        int hop = config.hopLength();
        int frames = analysisFrames(y.length);
        double[] buf = new double[config.fftSize()];
        double[] power = new double[bank.bins()];
        double[][] e = new double[frames][config.melFilters()];
        for (int f = 0; f < frames; f++) {
            java.util.Arrays.fill(buf, 0.0);
            int start = f * hop;
            int len = Math.min(n, y.length - start);
            for (int i = 0; i < len; i++) {
                buf[i] = y[start + i] * window[i];
            }
            powerSpectrum(buf, power);
            bank.apply(power, e[f]);
        }
        return e;
    }

    /**
     * P[k] = |X[k]|², k = 0 .. K/2, of the K real samples in {@code frame}, which the FFT
     * overwrites. JTransforms' realForward packs the result as a[0] = Re X[0], a[1] = Re X[K/2],
     * a[2k] = Re X[k], a[2k+1] = Im X[k] for 0 &lt; k &lt; K/2.
     */
    void powerSpectrum(double[] frame, double[] power) {
        fft.realForward(frame);
        int half = config.fftSize() / 2;
        power[0] = frame[0] * frame[0];
        power[half] = frame[1] * frame[1];
        for (int k = 1; k < half; k++) {
            double re = frame[2 * k];
            double im = frame[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }

    private double[] preEmphasize(double[] x) {
        double a = config.preEmphasis();
        if (a == 0) {
            return x;
        }
        double[] y = new double[x.length];
        for (int i = x.length - 1; i > 0; i--) {
            y[i] = x[i] - a * x[i - 1];
        }
        if (x.length > 0) {
            y[0] = x[0];
        }
        return y;
    }
}

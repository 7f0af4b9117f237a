package org.rnnlab.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogMelFeaturesTest {

    private final LogMelFeatures fsdd = new LogMelFeatures(LogMelFeatures.FSDD);
    private final LogMelFeatures plain = new LogMelFeatures(new LogMelFeatures.Config(8000, 200, 80, 256, 26,
            0, 4000, 0.0, 1, 1e-6));

    @Test
    void powerSpectrumMatchesTheDefinitionOfTheDft() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] x = new double[256];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        double[] power = new double[129];
        plain.powerSpectrum(x.clone(), power);
        for (int k = 0; k <= 128; k++) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < 256; n++) {
                re += x[n] * Math.cos(2 * Math.PI * k * n / 256);
                im -= x[n] * Math.sin(2 * Math.PI * k * n / 256);
            }
            assertThat(power[k]).as("bin %d", k).isCloseTo(re * re + im * im, within(1e-9 * (1 + re * re + im * im)));
        }
    }

    @Test
    void frameCountsFollowTheFormula() {
        assertThat(plain.analysisFrames(0)).isEqualTo(1);
        assertThat(plain.analysisFrames(199)).isEqualTo(1);
        assertThat(plain.analysisFrames(200)).isEqualTo(1);
        assertThat(plain.analysisFrames(279)).isEqualTo(1);
        assertThat(plain.analysisFrames(280)).isEqualTo(2);
        assertThat(plain.analysisFrames(3360)).isEqualTo(40);
        assertThat(fsdd.frames(3360)).isEqualTo(20);
        assertThat(fsdd.frames(3440)).isEqualTo(21); // 41 analysis frames: the last pool holds one
        assertThat(fsdd.compute(new double[3440]).length).isEqualTo(21);
        assertThat(LogMelFeatures.FSDD.frameSeconds()).isEqualTo(0.02);
    }

    @Test
    void pureToneHasItsEnergyInTheFilterAroundItsFrequency() {
        MelFilterBank bank = plain.filterBank();
        for (double hz : new double[] {250, 1000, 1500, 2750}) {
            double[] x = new double[4000];
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.5 * Math.sin(2 * Math.PI * hz * i / 8000);
            }
            double[][] logMel = plain.compute(x);
            int expected = 0;
            for (int j = 1; j < bank.filters(); j++) {
                if (bank.response(j, hz) > bank.response(expected, hz)) {
                    expected = j;
                }
            }
            for (double[] frame : logMel) {
                assertThat(argmax(frame)).as("%s Hz", hz).isEqualTo(expected);
                assertThat(bank.lowerHz(expected)).isLessThan(hz);
                assertThat(bank.upperHz(expected)).isGreaterThan(hz);
                // far-away filters hold only the window's leakage: many nats below the peak
                assertThat(frame[expected] - frame[(expected + 13) % 26]).isGreaterThan(5);
            }
        }
    }

    @Test
    void toneEnergyMatchesParseval() {
        // a sine of amplitude A on bin k0 = 32 (1000 Hz): |X[k0]|² ≈ (A·Σw/2)² with Σw = N/2 for periodic Hann
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * Math.sin(2 * Math.PI * 1000 * i / 8000);
        }
        double[] buf = new double[256];
        double[] w = plain.window();
        for (int i = 0; i < 200; i++) {
            buf[i] = x[i] * w[i];
        }
        double[] power = new double[129];
        plain.powerSpectrum(buf, power);
        assertThat(power[32]).isCloseTo(Math.pow(0.5 * 100 / 2, 2), within(0.05 * 625));
    }

    @Test
    void silenceGivesTheLogOfTheFloor() {
        double[][] logMel = fsdd.compute(new double[1000]);
        for (double[] frame : logMel) {
            for (double v : frame) {
                assertThat(v).isEqualTo(Math.log(1e-6));
            }
        }
    }

    @Test
    void poolingAveragesEnergiesBeforeTheLog() {
        double[] x = noise(2425, 3);
        LogMelFeatures pooled = new LogMelFeatures(new LogMelFeatures.Config(8000, 200, 80, 256, 26, 0, 4000, 0.97, 3, 1e-6));
        double[][] e = pooled.melEnergies(x);
        double[][] l = pooled.compute(x);
        assertThat(e.length).isEqualTo(28);
        assertThat(l.length).isEqualTo(10);
        for (int j = 0; j < 26; j++) {
            assertThat(l[2][j]).isEqualTo(Math.log((e[6][j] + e[7][j] + e[8][j]) / 3 + 1e-6));
            assertThat(l[9][j]).isEqualTo(Math.log(e[27][j] / 1 + 1e-6));
        }
    }

    @Test
    void preEmphasisIsTheFirstDifferenceFilter() {
        double[] x = noise(600, 5);
        double[] y = new double[x.length];
        y[0] = x[0];
        for (int i = 1; i < x.length; i++) {
            y[i] = x[i] - 0.97 * x[i - 1];
        }
        LogMelFeatures emphasised = new LogMelFeatures(new LogMelFeatures.Config(8000, 200, 80, 256, 26, 0, 4000, 0.97, 1, 1e-6));
        double[][] a = emphasised.melEnergies(x);
        double[][] b = plain.melEnergies(y);
        for (int t = 0; t < a.length; t++) {
            assertThat(a[t]).containsExactly(b[t]);
        }
    }

    @Test
    void deterministicBitForBit() {
        double[] x = noise(5000, 11);
        double[][] a = fsdd.compute(x);
        double[][] b = new LogMelFeatures(LogMelFeatures.FSDD).compute(x.clone());
        assertThat(Arrays.deepEquals(a, b)).isTrue();
    }

    @Test
    void refusesBadConfigAndWrongSampleRate() {
        assertThatThrownBy(() -> new LogMelFeatures.Config(8000, 200, 80, 128, 26, 0, 4000, 0, 1, 1e-6))
                .hasMessageContaining("fftSize").hasMessageContaining("128");
        assertThatThrownBy(() -> new LogMelFeatures.Config(8000, 200, 0, 256, 26, 0, 4000, 0, 1, 1e-6))
                .hasMessageContaining("hopLength must be at least 1, was 0");
        assertThatThrownBy(() -> new LogMelFeatures.Config(8000, 200, 80, 256, 26, 0, 4000, 1.0, 1, 1e-6))
                .hasMessageContaining("preEmphasis");
        assertThatThrownBy(() -> new LogMelFeatures.Config(8000, 200, 80, 256, 26, 0, 4000, 0, 1, 0))
                .hasMessageContaining("floor");
        assertThatThrownBy(() -> fsdd.compute(new PcmAudio("x.wav", 16000, new short[10])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.wav: sample rate 16000 Hz");
    }

    private static double[] noise(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-0.3, 0.3);
        }
        return x;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}

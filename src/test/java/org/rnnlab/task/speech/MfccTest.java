package org.rnnlab.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MfccTest {

    @Test
    void constantSpectrumHasOnlyTheZerothCoefficient() {
        double[] l = new double[26];
        java.util.Arrays.fill(l, -3.0);
        double[] c = new Mfcc(26, 13).apply(l);
        assertThat(c[0]).isCloseTo(-3.0 * Math.sqrt(26), within(1e-12));
        for (int n = 1; n < 13; n++) {
            assertThat(c[n]).isCloseTo(0.0, within(1e-12));
        }
    }

    @Test
    void fullDctIsOrthonormalSoItKeepsTheNorm() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] l = new double[26];
        double norm = 0;
        for (int j = 0; j < l.length; j++) {
            l[j] = rnd.nextDouble(-10, 0);
            norm += l[j] * l[j];
        }
        double[] c = new Mfcc(26, 26).apply(l);
        double cnorm = 0;
        for (double v : c) {
            cnorm += v * v;
        }
        assertThat(cnorm).isCloseTo(norm, within(1e-9));
    }

    @Test
    void cosineOfOneCycleLandsInItsCoefficient() {
        double[] l = new double[26];
        for (int j = 0; j < 26; j++) {
            l[j] = Math.cos(Math.PI * 4 * (j + 0.5) / 26);
        }
        double[] c = new Mfcc(26, 13).apply(l);
        for (int n = 0; n < 13; n++) {
            assertThat(c[n]).isCloseTo(n == 4 ? Math.sqrt(13) : 0.0, within(1e-12));
        }
    }

    @Test
    void refusesBadSizes() {
        assertThatThrownBy(() -> new Mfcc(26, 27)).hasMessageContaining("coefficients must be in 1..26, was 27");
        assertThatThrownBy(() -> new Mfcc(26, 13).apply(new double[20])).hasMessageContaining("26").hasMessageContaining("20");
    }
}

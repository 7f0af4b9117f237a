package org.rnnlab.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MelFilterBankTest {

    private final MelFilterBank bank = new MelFilterBank(26, 256, 8000, 0, 4000);

    @Test
    void htkMelScaleValues() {
        // 2595·log10(1 + 1000/700) = 999.985...: the scale is built so that 1000 Hz ≈ 1000 mel
        assertThat(MelFilterBank.hzToMel(1000)).isCloseTo(999.9855, within(1e-3));
        assertThat(MelFilterBank.hzToMel(0)).isZero();
        assertThat(MelFilterBank.hzToMel(4000)).isCloseTo(2146.0645, within(1e-3));
        for (double hz : new double[] {0, 55.5, 700, 1000, 3999}) {
            assertThat(MelFilterBank.melToHz(MelFilterBank.hzToMel(hz))).isCloseTo(hz, within(1e-9));
        }
    }

    @Test
    void weightsAreNonNegativeAndPeakAtOne() {
        for (int j = 0; j < bank.filters(); j++) {
            double max = 0;
            for (int k = 0; k < bank.bins(); k++) {
                assertThat(bank.weight(j, k)).isBetween(0.0, 1.0);
                max = Math.max(max, bank.weight(j, k));
            }
            assertThat(max).as("filter %d has a bin", j).isPositive();
            assertThat(bank.response(j, bank.centerHz(j))).isEqualTo(1.0);
            assertThat(bank.response(j, bank.lowerHz(j))).isZero();
            assertThat(bank.response(j, bank.upperHz(j))).isZero();
        }
    }

    @Test
    void centresAreEvenlySpacedInMelAndCoverTheBand() {
        double step = MelFilterBank.hzToMel(4000) / 27;
        for (int j = 0; j < bank.filters(); j++) {
            assertThat(MelFilterBank.hzToMel(bank.centerHz(j))).isCloseTo((j + 1) * step, within(1e-9));
        }
        assertThat(bank.lowerHz(0)).isEqualTo(0.0);
        assertThat(bank.upperHz(25)).isEqualTo(4000.0);
        for (int k = 1; k < bank.bins() - 1; k++) {
            double sum = 0;
            for (int j = 0; j < bank.filters(); j++) {
                sum += bank.weight(j, k);
            }
            assertThat(sum).as("bin %d (%.1f Hz) is covered", k, bank.binHz(k)).isPositive();
            double f = bank.binHz(k);
            if (f >= bank.centerHz(0) && f <= bank.centerHz(25)) {
                assertThat(sum).as("neighbouring triangles sum to 1 at %.1f Hz", f).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void applyIsTheWeightedSum() {
        double[] power = new double[bank.bins()];
        for (int k = 0; k < power.length; k++) {
            power[k] = 1 + k % 7;
        }
        double[] out = new double[26];
        bank.apply(power, out);
        for (int j = 0; j < 26; j++) {
            double expected = 0;
            for (int k = 0; k < power.length; k++) {
                expected += bank.weight(j, k) * power[k];
            }
            assertThat(out[j]).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> new MelFilterBank(0, 256, 8000, 0, 4000)).hasMessageContaining("filters").hasMessageContaining("0");
        assertThatThrownBy(() -> new MelFilterBank(26, 255, 8000, 0, 4000)).hasMessageContaining("fftSize").hasMessageContaining("255");
        assertThatThrownBy(() -> new MelFilterBank(26, 256, 8000, 0, 5000)).hasMessageContaining("maxHz=5000");
        assertThatThrownBy(() -> new MelFilterBank(200, 256, 8000, 0, 4000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("covers no FFT bin");
        assertThatThrownBy(() -> bank.weight(26, 0)).hasMessageContaining("filter must be in 0..25, was 26");
    }
}

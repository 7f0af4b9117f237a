package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exp-based σ and tanh: within a few ulps of the reference functions over the whole double
 * range (including tiny arguments, where a naive e^{2a} − 1 loses all precision), the IEEE special
 * cases as {@link Math#tanh}, and the array forms (SIMD when available) equal to the scalar forms
 * bit for bit (NaN as NaN, whatever its payload).
 */
class ActivationsTest {

    static double ulps(double got, double want) {
        if (Double.compare(got, want) == 0) {
            return 0;
        }
        return Math.abs(got - want) / Math.ulp(want);
    }

    static double[] arguments(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() * 2 - 1;
            a[i] = switch (i % 4) {
                case 0 -> u * 1e-3;
                case 1 -> u * 2;
                case 2 -> u * 40;
                default -> Math.scalb(u, -r.nextInt(1070));
            };
        }
        return a;
    }

    @Test
    void tanhIsWithinFourUlpsOfMathTanh() {
        double worst = 0;
        for (double a : arguments(1, 400_000)) {
            worst = Math.max(worst, ulps(Activations.tanh(a), Math.tanh(a)));
        }
        assertThat(worst).isLessThanOrEqualTo(4.0);
    }

    @Test
    void sigmoidIsWithinFourUlpsOfTheStrictMathFormula() {
        double worst = 0;
        for (double a : arguments(2, 400_000)) {
            if (a < -708) {
                continue;
            }
            double want = a >= 0 ? 1 / (1 + StrictMath.exp(-a)) : StrictMath.exp(a) / (1 + StrictMath.exp(a));
            worst = Math.max(worst, ulps(Activations.sigmoid(a), want));
        }
        assertThat(worst).isLessThanOrEqualTo(4.0);
    }

    @Test
    void specialValues() {
        assertThat(Activations.tanh(0.0)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(Activations.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Activations.tanh(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(Activations.tanh(1e-300)).isEqualTo(1e-300);
        assertThat(Activations.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Activations.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(Activations.tanh(1000)).isEqualTo(1.0);
        assertThat(Activations.tanh(Double.NaN)).isNaN();
        assertThat(Activations.sigmoid(0.0)).isEqualTo(0.5);
        assertThat(Activations.sigmoid(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Activations.sigmoid(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Activations.sigmoid(-700.0)).isCloseTo(StrictMath.exp(-700.0),
                org.assertj.core.data.Percentage.withPercentage(1e-12));
        assertThat(Activations.sigmoid(-708.0)).isCloseTo(StrictMath.exp(-708.0),
                org.assertj.core.data.Percentage.withPercentage(1e-12));
        // below −708 (σ < 3·10^−308) the documented flush to 0
        assertThat(Activations.sigmoid(-708.5)).isZero();
        assertThat(Activations.sigmoid(-745.0)).isZero();
        assertThat(Activations.sigmoid(Double.NaN)).isNaN();
    }

    @Test
    void arrayFormsEqualTheScalarFormsBitForBit() {
        double[] a = arguments(3, 1003);
        double[] b = arguments(4, 1003);
        a[5] = Double.NaN;
        a[17] = Double.POSITIVE_INFINITY;
        a[18] = Double.NEGATIVE_INFINITY;
        a[19] = -0.0;
        a[20] = 800;
        a[21] = -800;
        for (int len : new int[] {0, 1, 7, 8, 9, 31, 1000}) {
            double[] outT = new double[len + 2];
            double[] outS = new double[len + 2];
            double[] outT2 = new double[len + 2];
            double[] outS2 = new double[len + 2];
            Activations.tanh(a, 3, null, 0, outT, 1, len);
            Activations.sigmoid(a, 3, null, 0, outS, 1, len);
            Activations.tanh(a, 3, b, 2, outT2, 1, len);
            Activations.sigmoid(a, 3, b, 2, outS2, 1, len);
            for (int i = 0; i < len; i++) {
                if (i + 3 == 5) {
                    assertThat(outT[1 + i]).isNaN();
                    assertThat(outS[1 + i]).isNaN();
                    assertThat(outT2[1 + i]).isNaN();
                    assertThat(outS2[1 + i]).isNaN();
                    continue;
                }
                assertThat(Double.doubleToRawLongBits(outT[1 + i]))
                        .isEqualTo(Double.doubleToRawLongBits(Activations.tanh(a[3 + i])));
                assertThat(Double.doubleToRawLongBits(outS[1 + i]))
                        .isEqualTo(Double.doubleToRawLongBits(Activations.sigmoid(a[3 + i])));
                assertThat(Double.doubleToRawLongBits(outT2[1 + i]))
                        .isEqualTo(Double.doubleToRawLongBits(Activations.tanh(a[3 + i] + b[2 + i])));
                assertThat(Double.doubleToRawLongBits(outS2[1 + i]))
                        .isEqualTo(Double.doubleToRawLongBits(Activations.sigmoid(a[3 + i] + b[2 + i])));
            }
            assertThat(outT[0]).isZero();
            assertThat(outT[len + 1]).isZero();
        }
    }

    /** Down to e^a's smallest normal argument σ is computed, not flushed to 0. */
    @Test
    void sigmoidIsExactDownToTheClamp() {
        assertThat(Activations.sigmoid(Activations.EXP_MIN_ARG)).isGreaterThan(0)
                .isCloseTo(Math.exp(Activations.EXP_MIN_ARG), org.assertj.core.api.Assertions.withinPercentage(1e-9));
        assertThat(Activations.sigmoid(Activations.EXP_MIN_ARG - 1)).isZero();
        assertThat(Activations.sigmoid(-Activations.EXP_MIN_ARG)).isEqualTo(1.0);
    }

    /** max(a, 0) as Java's Math.max gives it: −0 becomes +0; NaN stays NaN. */
    @Test
    void reluOfNegativeZeroIsPositiveZero() {
        assertThat(Double.doubleToRawLongBits(Activations.relu(-0.0))).isZero();
        assertThat(Activations.relu(Double.NaN)).isNaN();
        assertThat(Activations.relu(-1e-300)).isZero();
    }
}

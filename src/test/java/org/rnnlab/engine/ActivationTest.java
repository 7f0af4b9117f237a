package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Values of Keras's activations at hand-computed points, and each derivative against differences. */
class ActivationTest {

    @Test
    void valuesAreKerasDefinitions() {
        assertThat(Activation.HARD_SIGMOID.apply(1.0)).isEqualTo(0.7, within(1e-15));
        assertThat(Activation.HARD_SIGMOID.apply(-3.0)).isEqualTo(0.0);
        assertThat(Activation.HARD_SIGMOID.apply(2.6)).isEqualTo(1.0);
        assertThat(Activation.HARD_SIGMOID_KERAS3.apply(1.0)).isEqualTo(0.5 + 1.0 / 6, within(1e-15));
        assertThat(Activation.HARD_SIGMOID_KERAS3.apply(2.9)).isLessThan(1.0);
        assertThat(Activation.LINEAR.apply(-1.25)).isEqualTo(-1.25);
        assertThat(Activation.RELU.apply(-1.25)).isEqualTo(0.0);
        assertThat(Activation.SIGMOID.apply(0.3)).isEqualTo(Activations.sigmoid(0.3));
        assertThat(Activation.HARD_SIGMOID.apply(Double.NaN)).isNaN();
    }

    @Test
    void derivativesFromTheOutputMatchCentralDifferences() {
        double[] points = {-3.7, -2.0, -0.4, 0.3, 1.1, 2.2, 3.4};
        for (Activation f : Activation.values()) {
            for (double a : points) {
                double fd = (f.apply(a + 1e-6) - f.apply(a - 1e-6)) / 2e-6;
                assertThat(f.gradFromOutput(f.apply(a))).as("%s at %s", f, a).isEqualTo(fd, within(1e-8));
            }
        }
    }

    @Test
    void arrayFormsAgreeWithTheScalarOnes() {
        double[] a = {-3.1, -0.2, 0.7, 2.8, 5.0};
        double[] b = {0.1, 0.1, -0.1, 0.0, -4.0};
        for (Activation f : Activation.values()) {
            double[] out = new double[a.length];
            f.apply(a, 0, b, 0, out, 0, a.length);
            for (int i = 0; i < a.length; i++) {
                assertThat(out[i]).as("%s", f).isEqualTo(f.apply(a[i] + b[i]));
            }
        }
    }
}

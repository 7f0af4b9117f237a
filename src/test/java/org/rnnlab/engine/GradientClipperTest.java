package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClipperTest {
    /** The step-1 gradients of {@link OptimizerFixture}: Σ g² = 0.3 + 8.5025 = 8.8025. */
    private static final double NORM = Math.sqrt(8.8025);

    /**
     * torch.nn.utils.clip_grad_norm_([p1, p2], 1.0) on those gradients, torch 1.13.1, float64:
     * returned total norm 2.9669007398293594 and these gradients (w then b).
     */
    private static final double TORCH_TOTAL = 2.9669007398293594;
    private static final double[] TORCH_CLIPPED = {0.03370519443146488, -0.06741038886292976, 0.10111558329439464,
            -0.13482077772585951, 0.5055779164719731, -0.842629860786622, 0.01685259721573244};

    private static OptimizerFixture withGradients() {
        OptimizerFixture f = new OptimizerFixture();
        f.grads(0);
        return f;
    }

    private static double[] grads(OptimizerFixture f) {
        double[] out = new double[7];
        System.arraycopy(f.w.grad().data, 0, out, 0, 4);
        System.arraycopy(f.b.grad().data, 0, out, 4, 3);
        return out;
    }

    @Test
    void globalNormIsTheL2NormOverAllGradients() {
        OptimizerFixture f = withGradients();
        assertThat(GradientClipper.globalNorm(f.params)).isCloseTo(NORM, within(1e-15));
        assertThat(GradientClipper.globalNorm(f.params)).isCloseTo(TORCH_TOTAL, within(1e-15));
    }

    @Test
    void clipsByNormLikeTorch() {
        OptimizerFixture f = withGradients();
        ClipReport r = GradientClipper.byNorm(1.0).clip(f.params);
        assertThat(r.mode()).isEqualTo(GradientClipper.Mode.NORM);
        assertThat(r.clipped()).isTrue();
        assertThat(r.finite()).isTrue();
        assertThat(r.threshold()).isEqualTo(1.0);
        assertThat(r.normBefore()).isCloseTo(TORCH_TOTAL, within(1e-15));
        // after: max · ‖g‖ / (‖g‖ + 1e-6), a hair under the threshold
        assertThat(r.normAfter()).isCloseTo(NORM / (NORM + 1e-6), within(1e-15)).isLessThan(1.0);
        assertThat(grads(f)).containsExactly(TORCH_CLIPPED, within(1e-16));
        double coef = 1.0 / (NORM + 1e-6);
        assertThat(f.b.grad().data[1]).isCloseTo(-2.5 * coef, within(1e-16));
    }

    @Test
    void normClippingBelowTheThresholdIsANoOp() {
        OptimizerFixture f = withGradients();
        double[] before = grads(f);
        ClipReport r = GradientClipper.clipNorm(f.params, 100.0);
        assertThat(r.clipped()).isFalse();
        assertThat(r.normAfter()).isEqualTo(r.normBefore());
        assertThat(grads(f)).containsExactly(before);
        // the 1e-6 decides at the threshold itself: max = ‖g‖ gives c = ‖g‖/(‖g‖ + 1e-6) < 1
        OptimizerFixture g = withGradients();
        assertThat(GradientClipper.clipNorm(g.params, NORM).clipped()).isTrue();
        OptimizerFixture h = withGradients();
        assertThat(GradientClipper.clipNorm(h.params, NORM + 1e-6).clipped()).isFalse();
    }

    @Test
    void clipsByValue() {
        OptimizerFixture f = withGradients();
        ClipReport r = GradientClipper.byValue(0.25).clip(f.params);
        assertThat(grads(f)).containsExactly(0.1, -0.2, 0.25, -0.25, 0.25, -0.25, 0.05);
        assertThat(r.clipped()).isTrue();
        assertThat(r.mode()).isEqualTo(GradientClipper.Mode.VALUE);
        assertThat(r.threshold()).isEqualTo(0.25);
        assertThat(r.normBefore()).isCloseTo(NORM, within(1e-15));
        double after = Math.sqrt(0.01 + 0.04 + 4 * 0.0625 + 0.0025);
        assertThat(r.normAfter()).isCloseTo(after, within(1e-15));
    }

    @Test
    void valueClippingWithinTheRangeIsANoOp() {
        OptimizerFixture f = withGradients();
        double[] before = grads(f);
        ClipReport r = GradientClipper.clipValue(f.params, 2.5);
        assertThat(r.clipped()).isFalse();
        assertThat(r.normAfter()).isEqualTo(r.normBefore());
        assertThat(grads(f)).containsExactly(before);
    }

    @Test
    void noneOnlyMeasures() {
        OptimizerFixture f = withGradients();
        double[] before = grads(f);
        ClipReport r = GradientClipper.none().clip(f.params);
        assertThat(r.mode()).isEqualTo(GradientClipper.Mode.NONE);
        assertThat(r.clipped()).isFalse();
        assertThat(r.threshold()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.normBefore()).isCloseTo(NORM, within(1e-15));
        assertThat(grads(f)).containsExactly(before);
    }

    @Test
    void nonFiniteGradientsAreReportedAndLeftAlone() {
        for (GradientClipper c : List.of(GradientClipper.byNorm(1.0), GradientClipper.byValue(0.1), GradientClipper.none())) {
            OptimizerFixture f = withGradients();
            f.b.grad().data[2] = Double.NaN;
            double[] before = grads(f);
            ClipReport r = c.clip(f.params);
            assertThat(r.finite()).as("%s", c).isFalse();
            assertThat(r.normBefore()).isNaN();
            assertThat(r.normAfter()).isNaN();
            assertThat(r.clipped()).isFalse();
            assertThat(grads(f)).containsExactly(before);

            OptimizerFixture g = withGradients();
            g.w.grad().data[0] = Double.NEGATIVE_INFINITY;
            before = grads(g);
            r = c.clip(g.params);
            assertThat(r.finite()).isFalse();
            assertThat(r.normBefore()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(grads(g)).containsExactly(before);
        }
    }

    @Test
    void aHugeButFiniteGradientHasAFiniteNormAndIsClipped() {
        OptimizerFixture f = withGradients();
        f.w.grad().data[0] = 3e200;
        f.w.grad().data[1] = -4e200;
        ClipReport r = GradientClipper.clipNorm(f.params, 1.0);
        assertThat(r.finite()).isTrue();
        assertThat(r.normBefore()).isCloseTo(5e200, within(1e186));
        assertThat(r.clipped()).isTrue();
        assertThat(f.w.grad().data[0]).isCloseTo(0.6, within(1e-12));
        assertThat(f.w.grad().data[1]).isCloseTo(-0.8, within(1e-12));
        assertThat(r.normAfter()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void emptyListHasNormZero() {
        ClipReport r = GradientClipper.clipNorm(List.of(), 1.0);
        assertThat(r.normBefore()).isZero();
        assertThat(r.clipped()).isFalse();
    }

    @Test
    void rejectsBadThresholds() {
        assertThatThrownBy(() -> GradientClipper.byNorm(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max norm must be a finite number > 0, was 0.0");
        assertThatThrownBy(() -> GradientClipper.byNorm(Double.NaN)).hasMessage("max norm must be a finite number > 0, was NaN");
        assertThatThrownBy(() -> GradientClipper.byValue(-1)).hasMessage("clip value must be a finite number > 0, was -1.0");
        assertThatThrownBy(() -> GradientClipper.byValue(Double.POSITIVE_INFINITY)).hasMessageContaining("clip value");
        OptimizerFixture f = withGradients();
        assertThatThrownBy(() -> GradientClipper.clipNorm(f.params, -2)).hasMessageContaining("max norm");
        assertThatThrownBy(() -> GradientClipper.clipValue(f.params, 0)).hasMessageContaining("clip value");
        assertThatThrownBy(() -> GradientClipper.globalNorm(null)).hasMessageContaining("params");
    }
}

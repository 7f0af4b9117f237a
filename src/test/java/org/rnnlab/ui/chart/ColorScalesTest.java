package org.rnnlab.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.rnnlab.ui.view.ViewNumbers;

class ColorScalesTest {
    /** Machado, Oliveira &amp; Fernandes (2009) full-severity simulation matrices, applied in linear RGB. */
    private static final double[][] DEUTAN = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
        {-0.011820, 0.042940, 0.968881}};
    private static final double[][] PROTAN = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
        {-0.003882, -0.048116, 1.051998}};
    private static final double[][] TRITAN = {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
        {0.004733, 0.691367, 0.303900}};

    private static double lin(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double gamma(double c) {
        c = Math.max(0, Math.min(1, c));
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    private static double[] simulate(Color c, double[][] m) {
        double[] l = {lin(c.getRed()), lin(c.getGreen()), lin(c.getBlue())};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = gamma(m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]) * 255;
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    @Test
    void divergingIsCentredOnZeroAndSaturatesBeyondOne() {
        for (ColorScales p : ColorScales.all()) {
            assertThat(p.activationArgb(-1)).as(p.name()).isNotEqualTo(p.activationArgb(1));
            assertThat(p.activationArgb(5)).isEqualTo(p.activationArgb(1));
            assertThat(p.activationArgb(Double.NEGATIVE_INFINITY)).isEqualTo(p.activationArgb(-1));
            assertThat(p.activationArgb(Double.NaN)).isEqualTo(ColorScales.argb(p.nonFinite()));
            assertThat(p.activationArgb(Double.NaN)).isNotEqualTo(p.activationArgb(-1)).isNotEqualTo(p.activationArgb(1));
        }
        assertThat(ColorScales.light().activation(0)).isEqualTo(Color.web("#f7f7f7"));
        assertThat(ColorScales.light().activation(1)).isEqualTo(Color.web("#b2182b"));
        assertThat(ColorScales.light().activation(-1)).isEqualTo(Color.web("#2166ac"));
        assertThat(ColorScales.light().magnitude(0)).isEqualTo(Color.web("#440154"));
        assertThat(ColorScales.light().magnitude(1)).isEqualTo(Color.web("#fde725"));
    }

    @Test
    void oppositeActivationsStayDistinctUnderEveryColourVisionDeficiency() {
        for (ColorScales p : ColorScales.all()) {
            for (double v : new double[] {0.35, 0.5, 0.75, 1.0}) {
                for (double[][] m : new double[][][] {DEUTAN, PROTAN, TRITAN}) {
                    double d = distance(simulate(p.activation(-v), m), simulate(p.activation(v), m));
                    assertThat(d).as("%s ±%s", p.name(), v).isGreaterThan(50);
                }
            }
        }
    }

    @Test
    void sequentialScaleGetsLighterMonotonically() {
        for (ColorScales p : ColorScales.all()) {
            double last = -1;
            for (int k = 0; k <= 20; k++) {
                Color c = p.magnitude(k / 20.0);
                double y = 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
                assertThat(y).as("%s at %d/20", p.name(), k).isGreaterThan(last);
                last = y;
            }
        }
    }

    @Test
    void numbersAreWrittenTheSameEverywhere() {
        assertThat(ViewNumbers.format(0)).isEqualTo("0");
        assertThat(ViewNumbers.format(0.82141)).isEqualTo("0.8214");
        assertThat(ViewNumbers.format(-0.2)).isEqualTo("−0.2000");
        assertThat(ViewNumbers.format(1.234e-5)).isEqualTo("1.23e−5");
        assertThat(ViewNumbers.format(-4e12)).isEqualTo("−4.00e+12");
        assertThat(ViewNumbers.format(Double.NaN)).isEqualTo("NaN");
        assertThat(ViewNumbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("−Inf");
        assertThat(ViewNumbers.shortFormat(0.934)).isEqualTo("0.93");
        assertThat(ViewNumbers.shortFormat(1.25)).isEqualTo("1.3");
        assertThat(ViewNumbers.operand(-0.5)).isEqualTo("(−0.5000)");
        assertThat(ViewNumbers.operand(0.5)).isEqualTo("0.5000");
    }

    @Test
    void notationParsesScripts() {
        assertThat(MathText.parse("h_{t−1}")).containsExactly(new MathText.Run("h", 0), new MathText.Run("t−1", 1));
        assertThat(MathText.parse("W_hn x_t")).containsExactly(new MathText.Run("W", 0), new MathText.Run("hn", 1),
                new MathText.Run(" x", 0), new MathText.Run("t", 1));
        assertThat(MathText.parse("10^{−30}")).containsExactly(new MathText.Run("10", 0), new MathText.Run("−30", -1));
        assertThat(MathText.plain("σ_{max}")).isEqualTo("σmax");
    }
}

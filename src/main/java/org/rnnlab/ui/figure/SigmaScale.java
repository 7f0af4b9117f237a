package org.rnnlab.ui.figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.Snapshot;

/**
 * The log scale of the σ_max strip: 1 in the middle, log10 σ_max from −{@code decades} to
 * +{@code decades} over the strip's half height, the narrowest of ×2 (0.5 … 2), 1, 2 or 3
 * decades that holds every σ_max of the backward pass so far (larger ones are clipped at the
 * edge), with labelled ticks.
 */
public record SigmaScale(double decades, List<Double> ticks) {
    private static final double[] SPANS = {Math.log10(2), 1, 2, 3};

    public SigmaScale {
        ticks = List.copyOf(ticks);
    }

    /** The scale for the σ_max values of {@code s}'s backward columns. */
    public static SigmaScale of(Snapshot s) {
        double widest = 0;
        for (BackwardColumn c : s.columns().backward()) {
            double j = c == null ? Double.NaN : c.jacobianNorm();
            if (j > 0 && Double.isFinite(j)) {
                widest = Math.max(widest, Math.abs(Math.log10(j)));
            }
        }
        for (double span : SPANS) {
            if (widest <= span + 1e-12) {
                return ofSpan(span);
            }
        }
        return ofSpan(SPANS[SPANS.length - 1]);
    }

    private static SigmaScale ofSpan(double span) {
        List<Double> ticks = new ArrayList<>();
        if (span < 1) {
            ticks.addAll(List.of(0.5, 1.0, 2.0));
        } else {
            for (int d = -(int) span; d <= (int) span; d++) {
                ticks.add(Math.pow(10, d));
            }
        }
        return new SigmaScale(span, ticks);
    }

    /** Where σ_max = v stands, −1 at the strip's bottom edge, 0 at 1, +1 at its top (clipped). */
    public double fraction(double v) {
        double lg = v > 0 ? Math.log10(v) : Double.NEGATIVE_INFINITY;
        return Math.max(-1, Math.min(1, lg / decades));
    }

    /** A tick's label: "0.5", "1", "10", "0.001". */
    public static String label(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}

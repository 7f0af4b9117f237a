package org.rnnlab.ui.controls;

import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;
import org.rnnlab.training.Phase;

/** One colour per phase, from the Okabe–Ito colour-blind-safe palette, used wherever a phase is shown. */
public final class PhaseColors {
    private PhaseColors() {}

    public static Color of(Phase p) {
        return switch (p) {
            case READY -> Color.web("#7a7a7a");
            case FORWARD -> Color.web("#0072B2");
            case LOSS -> Color.web("#CC79A7");
            case BACKWARD -> Color.web("#D55E00");
            case UPDATE -> Color.web("#009E73");
        };
    }

    /** A darker shade of the phase colour for white text on it (contrast at least 4.5:1). */
    public static Color label(Phase p) {
        return switch (p) {
            case READY -> Color.web("#6b6b6b");
            case FORWARD -> Color.web("#0072B2");
            case LOSS -> Color.web("#A8507F");
            case BACKWARD -> Color.web("#B54A00");
            case UPDATE -> Color.web("#007A58");
        };
    }

    /**
     * The phase indicator's background: {@link #label} with rounded corners (a background, not a
     * style class, so that a phase change needs no CSS pass).
     */
    public static Background labelBackground(Phase p) {
        return new Background(new BackgroundFill(label(p), new CornerRadii(6), null));
    }
}

package org.rnnlab.ui.shell;

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

    /** The CSS style class of a phase: "phase-forward" etc. */
    public static String styleClass(Phase p) {
        return "phase-" + p.name().toLowerCase(java.util.Locale.ROOT);
    }
}

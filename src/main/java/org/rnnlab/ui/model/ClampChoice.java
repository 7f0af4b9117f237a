package org.rnnlab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnlab.engine.GateClamp;

/**
 * One entry of the menu a right-click on a gate of the cell diagram opens: a clamp to set
 * ({@link GateClamp}) or, with a null clamp, "Remove clamp".
 *
 * @param label what the menu says ("Hold at 1 from t=3 (all units)")
 * @param clamp the clamp it sets, null to remove the one in force
 */
public record ClampChoice(String label, GateClamp clamp) {
    /** The values a gate may be held at, in menu order; {@link GateClamp} decides which it allows. */
    private static final double[] VALUES = {1.0, 0.0};

    /**
     * The clamps gate {@code gate} allows, each from {@code tick} (0-based; before any tick, the
     * first) for the followed {@code unit} (0-based) and for every unit, then "Remove clamp" when
     * {@code inForce} is not null. Empty for a gate that cannot be clamped and no clamp in force.
     */
    public static List<ClampChoice> forGate(String gate, int tick, int unit, GateClamp inForce) {
        int from = Math.max(0, tick);
        List<ClampChoice> out = new ArrayList<>();
        for (double v : VALUES) {
            GateClamp all = allowed(gate, v, from);
            if (all != null) {
                String hold = String.format(Locale.ROOT, "Hold at %d from t=%d", (int) v, from + 1);
                out.add(new ClampChoice(hold + " (all units)", all));
                out.add(new ClampChoice(hold + " (unit " + (unit + 1) + ")", new GateClamp(gate, v, from, unit)));
            }
        }
        if (inForce != null) {
            out.add(new ClampChoice("Remove clamp " + inForce, null));
        }
        return out;
    }

    private static GateClamp allowed(String gate, double v, int from) {
        try {
            return new GateClamp(gate, v, from, -1);
        } catch (IllegalArgumentException notAllowed) {
            return null;
        }
    }

    /** The clamp's text form, as the settings field shows it: "f=1@1", "f=0@5:u3" or "none". */
    public static String text(GateClamp c) {
        return c == null ? "none" : c.toString();
    }

    /** Reads the settings field: "none" or empty for no clamp, else {@link GateClamp#parse}. */
    public static GateClamp parse(String text) {
        String s = text == null ? "" : text.strip();
        return s.isEmpty() || s.equalsIgnoreCase("none") ? null : GateClamp.parse(s);
    }
}

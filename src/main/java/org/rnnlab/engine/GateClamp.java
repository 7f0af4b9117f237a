package org.rnnlab.engine;

import java.util.Locale;

/**
 * Gate surgery: gate block {@code gate} is held at {@code value} from tick {@code fromTick} on,
 * for one unit or all of them. Allowed: LSTM f = 1 or 0, i = 0, o = 1; GRU z = 1 or 0, r = 0.
 * The forward pass uses the clamped activation; the backward pass is the exact derivative of the
 * clamped network, since σ′ written from its output, y·(1 − y), is exactly 0 at y = 0 and y = 1,
 * so a clamped gate's pre-activation gets zero gradient at those ticks and units.
 *
 * <p>Written (and parsed) as {@code f=1@1} or {@code f=1@1:u3}: ticks and units count from 1 as
 * the views do; the gate may be named by letter or by word (forget, input, output, update, reset).
 *
 * @param gate     the block name: "f", "i", "o" (LSTM) or "z", "r" (GRU)
 * @param value    0 or 1, as allowed for the gate
 * @param fromTick the first clamped tick, 0-based
 * @param unit     the clamped unit, 0-based, or −1 for every unit
 */
public record GateClamp(String gate, double value, int fromTick, int unit) {
    public GateClamp {
        if (gate == null || !allowed(gate, value)) {
            throw new IllegalArgumentException("gate clamp must be f=1, f=0, i=0, o=1, z=1, z=0 or r=0, was "
                    + gate + "=" + value);
        }
        if (fromTick < 0) {
            throw new IllegalArgumentException("gate clamp tick must be at least 1, was " + (fromTick + 1));
        }
        if (unit < -1) {
            throw new IllegalArgumentException("gate clamp unit must be at least 1, was " + (unit + 1));
        }
    }

    private static boolean allowed(String g, double v) {
        return switch (g) {
            case "f", "z" -> v == 0.0 || v == 1.0;
            case "i", "r" -> v == 0.0;
            case "o" -> v == 1.0;
            default -> false;
        };
    }

    /** True for every unit. */
    public boolean allUnits() {
        return unit < 0;
    }

    /** True when unit j at tick t is held. */
    public boolean covers(int t, int j) {
        return t >= fromTick && (unit < 0 || unit == j);
    }

    /**
     * Checks that the cell has this gate and unit; the message names the clamp.
     *
     * @throws IllegalArgumentException for an RNN (no gates), a gate the cell lacks, or a unit beyond H
     */
    public void checkFor(CellConfig cell) {
        if (cell.kind() == CellKind.RNN) {
            throw new IllegalArgumentException("gate clamp " + this + ": an RNN cell has no gates to clamp");
        }
        if (cell.gateIndex(gate) < 0) {
            throw new IllegalArgumentException("gate clamp " + this + ": " + cell.label() + " has no gate " + gate);
        }
        if (unit >= cell.hiddenSize()) {
            throw new IllegalArgumentException("gate clamp " + this + ": unit " + (unit + 1)
                    + " is beyond the hidden size " + cell.hiddenSize());
        }
    }

    /** Parses {@code forget=1@1}, {@code f=1@3:u2} (ticks and units from 1). */
    public static GateClamp parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        int eq = s.indexOf('=');
        int at = s.indexOf('@');
        if (eq < 1 || at < eq) {
            throw new IllegalArgumentException("gate clamp must look like forget=1@1 or f=1@1:u3, was " + text);
        }
        String gate = switch (s.substring(0, eq)) {
            case "f", "forget" -> "f";
            case "i", "input" -> "i";
            case "o", "output" -> "o";
            case "z", "update" -> "z";
            case "r", "reset" -> "r";
            default -> throw new IllegalArgumentException("gate clamp gate must be forget, input, output, update or "
                    + "reset, was " + s.substring(0, eq));
        };
        String rest = s.substring(at + 1);
        int colon = rest.indexOf(':');
        String tick = colon < 0 ? rest : rest.substring(0, colon);
        int unit = -1;
        try {
            double value = Double.parseDouble(s.substring(eq + 1, at));
            if (colon >= 0) {
                String u = rest.substring(colon + 1);
                if (!u.startsWith("u")) {
                    throw new NumberFormatException(u);
                }
                unit = Integer.parseInt(u.substring(1)) - 1;
            }
            return new GateClamp(gate, value, Integer.parseInt(tick) - 1, unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gate clamp must look like forget=1@1 or f=1@1:u3, was " + text);
        }
    }

    /** The form {@link #parse} reads, e.g. "f=1@1" or "f=0@3:u2". */
    @Override
    public String toString() {
        return gate + "=" + (int) value + "@" + (fromTick + 1) + (unit < 0 ? "" : ":u" + (unit + 1));
    }
}

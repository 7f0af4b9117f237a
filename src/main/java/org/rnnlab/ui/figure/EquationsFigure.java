package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/**
 * The cell's equations as the engine states them ({@link GateSpec#equation()} and
 * {@code CellConfig.stateEquations()}), each followed by the same equation with the shown tick's
 * numbers for the followed unit: the gate's pre-activation and activation ("= σ(0.4123) =
 * 0.6016"), then the state updates with every symbol replaced by its value ("= 0.6016 · 0.3012 +
 * 0.5307 · (−0.2000) = 0.0751"). In the backward phase the unit's ∂L/∂h_t (and ∂L/∂c_t) follow.
 *
 * <p>Every number is read from the snapshot (pre-activations, gates, h, c of the shown tick and
 * h, c of the tick before); nothing is recomputed, so the left and right of each line agree
 * exactly when the engine is right. The initial state h_0 (c_0) is not in the snapshot, so at the
 * first tick it stays a symbol. The Loss and Update phases show their own equations
 * ({@link PhaseEquations}).
 *
 * @param heading   "LSTM · unit 4 · t=5 · Forward"
 * @param note      a hint under the heading, or "" for none
 * @param equations one per gate, then one per state equation
 * @param dh        "∂L/∂h_t = …" in the backward phase, else null
 * @param dc        "∂L/∂c_t = …" in the backward phase of a cell with a cell state, else null
 */
public record EquationsFigure(String heading, String note, List<Equation> equations, String dh, String dc) {
    private static final Pattern SYMBOL = Pattern.compile("(?<![A-Za-z])([A-Za-z])_(\\{t−1\\}|t)(?![A-Za-z0-9{])");

    /**
     * An equation in math text notation, the gate's title for a gate's (null for a state
     * equation), and its line with numbers, null before the shown tick's forward step.
     */
    public record Equation(String equation, String title, String numeric) {
    }

    public EquationsFigure {
        equations = List.copyOf(equations);
    }

    /** The equations of {@code s} (null: only the heading "Equations") for the followed {@code unit}. */
    public static EquationsFigure of(Snapshot s, int unit) {
        if (s == null) {
            return new EquationsFigure("Equations", "", List.of(), null, null);
        }
        if (s.position().phase() == Phase.LOSS) {
            return PhaseEquations.loss(s);
        }
        if (s.position().phase() == Phase.UPDATE) {
            return PhaseEquations.update(s, unit);
        }
        int t = ShownPosition.tick(s);
        ForwardColumn col = t >= 0 ? s.columns().forward()[t] : null;
        ForwardColumn prev = ShownPosition.previous(s, t);
        BackwardColumn back = t >= 0 && s.position().phase() == Phase.BACKWARD ? s.columns().backward()[t] : null;
        String heading = s.run().cell().label() + " · " + ShownPosition.unitLabel(unit)
                + (col != null ? " · " + ShownPosition.tickLabel(s, t) + " · " + s.position().phase().label() : "");
        String note = col == null ? "Step forward to fill in this tick's numbers for the followed unit."
                : ShownPosition.firstStep(s, t) ? "At t=" + (t + 1) + " the previous state is the initial state h_0" + (s.run().cell().hasCellState() ? ", c_0" : "") + "."
                : "";
        Map<String, Double> values = new HashMap<>();
        List<GateSpec> gates = s.run().gates();
        if (col != null) {
            for (int gi = 0; gi < gates.size(); gi++) {
                values.put(gates.get(gi).name() + "_t", col.gates()[gi][unit]);
            }
            values.put("h_t", col.h()[unit]);
            if (col.c() != null) {
                values.put("c_t", col.c()[unit]);
            }
            if (prev != null) {
                values.put("h_{t−1}", prev.h()[unit]);
                if (prev.c() != null) {
                    values.put("c_{t−1}", prev.c()[unit]);
                }
            }
        }
        List<Equation> out = new ArrayList<>();
        for (int i = 0; i < gates.size(); i++) {
            GateSpec g = gates.get(i);
            GateClamp clamp = s.run().settings().clamp();
            boolean held = clamp != null && clamp.gate().equals(g.name());
            String numeric = col == null ? null : held && clamp.covers(t, unit)
                    ? "= " + FigureNumbers.format(col.gates()[i][unit]) + " (clamped " + clamp + ")"
                    : "= " + g.symbol() + "(" + FigureNumbers.format(col.preacts()[i][unit]) + ") = "
                    + FigureNumbers.format(col.gates()[i][unit]);
            out.add(new Equation(g.equation(), held ? g.title() + " · clamped " + clamp : g.title(), numeric));
        }
        for (String eq : s.run().cell().stateEquations()) {
            String numeric = null;
            if (col != null) {
                String[] sides = eq.split(" = ", 2);
                String rhs = substitute(sides[1], values, ShownPosition.firstStep(s, t));
                Double lhs = values.get(sides[0].trim());
                numeric = "= " + rhs + (lhs == null ? "" : " = " + FigureNumbers.format(lhs));
            }
            out.add(new Equation(eq, null, numeric));
        }
        String dh = back == null ? null : "∂L/∂h_t = " + FigureNumbers.format(back.dh()[unit]);
        String dc = back == null || back.dc() == null ? null : "∂L/∂c_t = " + FigureNumbers.format(back.dc()[unit]);
        return new EquationsFigure(heading, note, out, dh, dc);
    }

    /** The lines shown, in order: each equation and its numbers (when there are), then the gradients. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Equation e : equations) {
            lines.add(e.equation());
            if (e.numeric() != null) {
                lines.add(e.numeric());
            }
        }
        if (dh != null) {
            lines.add(dh);
        }
        if (dc != null) {
            lines.add(dc);
        }
        return lines;
    }

    /** All lines joined by newlines. */
    public String text() {
        return String.join("\n", lines());
    }

    /**
     * Replaces every symbol of {@code values} in {@code expr} by its number (negative ones in
     * parentheses) and ⊙ by ·; at the first tick, "h_{t−1}" becomes "h_0".
     */
    public static String substitute(String expr, Map<String, Double> values, boolean firstTick) {
        Matcher m = SYMBOL.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) + "_" + m.group(2);
            Double v = values.get(key);
            String rep;
            if (v != null) {
                boolean wrapped = m.start() > 0 && expr.charAt(m.start() - 1) == '('
                        && m.end() < expr.length() && expr.charAt(m.end()) == ')';
                rep = wrapped ? FigureNumbers.format(v) : FigureNumbers.operand(v);
            } else if (firstTick && m.group(2).equals("{t−1}")) {
                rep = m.group(1) + "_0";
            } else {
                rep = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString().replace("⊙", "·");
    }
}

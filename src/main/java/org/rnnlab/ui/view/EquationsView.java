package org.rnnlab.ui.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextFlow;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/**
 * The cell's equations as the engine states them ({@link GateSpec#equation()} and
 * {@code CellConfig.stateEquations()}), each followed by the same equation with the current
 * tick's numbers for the followed unit: the gate's pre-activation and activation
 * ("= σ(0.4123) = 0.6016"), then the state updates with every symbol replaced by its value
 * ("= 0.6016 · 0.3012 + 0.5307 · (−0.2000) = 0.0751"). In the backward phase the unit's
 * ∂L/∂h_t (and ∂L/∂c_t) follow.
 *
 * <p>Every number is read from the snapshot (pre-activations, gates, h, c of the cursor's
 * tick and h, c of the tick before); nothing is recomputed, so the left and right of each line
 * agree exactly when the engine is right. The initial state h_0 (c_0) is not in the snapshot,
 * so at the first tick it stays a symbol.
 */
public final class EquationsView implements SnapshotView {
    private static final Pattern SYMBOL = Pattern.compile("(?<![A-Za-z])([A-Za-z])_(\\{t−1\\}|t)(?![A-Za-z0-9{])");

    private final UnitSelection selection;
    private final ViewStyle style;
    private final Label heading = new Label();
    private final Label note = new Label();
    private final VBox body = new VBox();
    private final VBox root;
    private final List<String> lines = new ArrayList<>();
    private Snapshot snapshot;
    /** What the lines were built from; rebuilt only when it changes (not at every frame of play). */
    private Object shownKey;

    public EquationsView(UnitSelection selection) {
        this(selection, new ViewStyle());
    }

    public EquationsView(UnitSelection selection, ViewStyle style) {
        this.selection = selection;
        this.style = style;
        heading.getStyleClass().add("rnn-equation-heading");
        heading.setWrapText(true);
        note.getStyleClass().add("rnn-equation-note");
        note.setWrapText(true);
        body.setSpacing(12);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        root = new VBox(8, heading, note, scroll);
        root.getStyleClass().addAll("rnn-view", "rnn-equations");
        root.getStylesheets().add(ViewStyles.STYLESHEET);
        root.setPrefSize(640, 480);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        selection.unitProperty().addListener((o, a, b) -> rebuild());
        style.onChange(() -> {
            ViewStyles.apply(root, style);
            rebuild();
        });
        ViewStyles.apply(root, style);
    }

    public ViewStyle style() {
        return style;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(Snapshot s) {
        if (s == null || s == snapshot) {
            return;
        }
        snapshot = s;
        rebuild();
    }

    /** The lines shown, in order, in the equation notation (e.g. "f_t = σ(…)", "= σ(0.4123) = 0.6016"). */
    public List<String> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** All lines joined by newlines. */
    public String text() {
        return String.join("\n", lines);
    }

    public String heading() {
        return heading.getText();
    }

    private void rebuild() {
        Snapshot s = snapshot;
        if (s != null) {
            int t0 = Cursor.tick(s);
            Object key = java.util.Arrays.asList(s.cell(), s.phase(), Cursor.unit(s, selection), t0,
                    t0 >= 0 ? s.forward()[t0] : null, t0 > 0 ? s.forward()[t0 - 1] : null,
                    t0 >= 0 ? s.backward()[t0] : null, style.palette(), style.fontSize());
            if (key.equals(shownKey)) {
                return;
            }
            shownKey = key;
        }
        body.getChildren().clear();
        lines.clear();
        if (s == null) {
            heading.setText("Equations");
            note.setText("");
            return;
        }
        double size = style.fontSize() * 1.3;
        Font font = Font.font(Font.getDefault().getFamily(), size);
        int unit = Cursor.unit(s, selection);
        int t = Cursor.tick(s);
        ForwardColumn col = t >= 0 ? s.forward()[t] : null;
        ForwardColumn prev = t > 0 ? s.forward()[t - 1] : null;
        BackwardColumn back = t >= 0 && s.phase() == Phase.BACKWARD ? s.backward()[t] : null;

        heading.setText(s.cell().label() + " · " + Cursor.unitLabel(unit)
                + (col != null ? " · t=" + (t + 1) + " · " + s.phase().label() : ""));
        note.setText(col == null ? "Step forward to fill in this tick's numbers for the followed unit."
                : t == 0 ? "At t=1 the previous state is the initial state h_0" + (s.cell().hasCellState() ? ", c_0" : "") + "."
                : "");
        note.setManaged(!note.getText().isEmpty());
        note.setVisible(!note.getText().isEmpty());

        Map<String, Double> values = new HashMap<>();
        List<GateSpec> gates = s.gates();
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

        for (int gi = 0; gi < gates.size(); gi++) {
            GateSpec g = gates.get(gi);
            String numeric = col == null ? null
                    : "= " + g.nonlinearity().symbol() + "(" + ViewNumbers.format(col.preacts()[gi][unit]) + ") = "
                    + ViewNumbers.format(col.gates()[gi][unit]);
            addBlock(g.equation(), g.title(), numeric, font);
        }
        for (String eq : s.cell().stateEquations()) {
            String numeric = null;
            if (col != null) {
                String[] sides = eq.split(" = ", 2);
                String rhs = substitute(sides[1], values, t == 0);
                Double lhs = values.get(sides[0].trim());
                numeric = "= " + rhs + (lhs == null ? "" : " = " + ViewNumbers.format(lhs));
            }
            addBlock(eq, null, numeric, font);
        }
        if (back != null) {
            addGradient("∂L/∂h_t = " + ViewNumbers.format(back.dh()[unit]), font);
            if (back.dc() != null) {
                addGradient("∂L/∂c_t = " + ViewNumbers.format(back.dc()[unit]), font);
            }
        }
    }

    /**
     * Replaces every symbol of {@code values} in {@code expr} by its number (negative ones in
     * parentheses) and ⊙ by ·; at the first tick, "h_{t−1}" becomes "h_0".
     */
    static String substitute(String expr, Map<String, Double> values, boolean firstTick) {
        Matcher m = SYMBOL.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) + "_" + m.group(2);
            Double v = values.get(key);
            String rep;
            if (v != null) {
                boolean wrapped = m.start() > 0 && expr.charAt(m.start() - 1) == '('
                        && m.end() < expr.length() && expr.charAt(m.end()) == ')';
                rep = wrapped ? ViewNumbers.format(v) : ViewNumbers.operand(v);
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

    private void addBlock(String symbolic, String title, String numeric, Font font) {
        VBox block = new VBox(2);
        TextFlow sym = MathText.flow(symbolic, font, "rnn-equation-symbolic");
        if (title != null) {
            javafx.scene.text.Text tt = new javafx.scene.text.Text("    " + title);
            tt.setFont(Font.font(font.getFamily(), Math.max(ViewStyle.MIN_FONT, style.fontSize())));
            tt.getStyleClass().add("rnn-equation-title");
            sym.getChildren().add(tt);
        }
        block.getChildren().add(sym);
        lines.add(symbolic);
        if (numeric != null) {
            TextFlow num = MathText.flow(numeric, Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD,
                    font.getSize()), "rnn-equation-numeric");
            num.setPadding(new Insets(0, 0, 0, font.getSize() * 1.5));
            block.getChildren().add(num);
            lines.add(numeric);
        }
        body.getChildren().add(block);
    }

    private void addGradient(String line, Font font) {
        TextFlow f = MathText.flow(line, Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD, font.getSize()),
                "rnn-equation-gradient");
        body.getChildren().add(f);
        lines.add(line);
    }
}

package org.rnnlab.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.MathText;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.EquationsFigure;

/**
 * The cell's equations, each followed by the same equation with the current tick's numbers for
 * the followed unit, and in the backward phase the unit's gradients: the lines of
 * {@link EquationsFigure}, set as math text.
 *
 * <p>The text nodes are built once per cell and updated in place at each snapshot (only a line
 * whose sub- and superscripts change shape is rebuilt), so following a run costs a few text
 * changes per frame. The type is as large as lets every line fit the panel: 1.3 × the base size,
 * down to the base size; the gates' titles are written beside their equations where they fit on
 * the same line.
 */
public final class EquationsView implements SnapshotView {
    /**
     * Type sizes tried, as multiples of the base size, largest first (below 1 only as far as the
     * smallest size allowed, {@link ViewStyle#MIN_FONT}: in presenter type, 0.8 × 20 px is still 16 px).
     */
    private static final double[] SCALES = {1.3, 1.2, 1.1, 1.0, 0.9, 0.8};

    private final UnitSelection selection;
    private final ViewStyle style;
    private final Label heading = new Label();
    private final Label note = new Label();
    private final VBox body = new VBox();
    private final ScrollPane scroll;
    private final VBox root;
    /** One per equation: its symbolic line (with the gate's title), its numeric line. */
    private final List<Block> blocks = new ArrayList<>();
    private final TextFlow gradientH = new TextFlow();
    private final TextFlow gradientC = new TextFlow();
    private final FollowedSnapshot followed;
    private Snapshot snapshot;
    private EquationsFigure figure = EquationsFigure.of(null, 0);
    /** The cell and style the nodes were built for. */
    private Object builtFor;
    /** What the numbers were last written from; rewritten only when it changes. */
    private Object shownKey;
    private double scale = SCALES[0];
    private boolean fitting;

    /** An equation's nodes. */
    private static final class Block {
        final VBox box = new VBox(2);
        final TextFlow symbolic;
        final Text title;
        final TextFlow numeric = new TextFlow();

        Block(TextFlow symbolic, Text title) {
            this.symbolic = symbolic;
            this.title = title;
            box.getChildren().addAll(symbolic, numeric);
        }
    }

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
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every line of the note, not an ellipsis
        note.setManaged(false);
        note.setVisible(false);
        body.setSpacing(10);
        scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root = new VBox(6, heading, note, scroll);
        root.getStyleClass().addAll("rnn-view", "rnn-equations");
        root.setPrefSize(640, 480);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        for (TextFlow g : List.of(gradientH, gradientC)) {
            g.setManaged(false);
            g.setVisible(false);
        }
        selection.unitProperty().addListener((o, a, b) -> refresh());
        followed = new FollowedSnapshot(selection, s -> {
            snapshot = s;
            refresh();
        });
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
                fit();
            }
        });
        ViewStyles.attach(root, style, () -> {
            builtFor = null;
            refresh();
        });
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
        if (followed.offer(s)) {
            snapshot = followed.shown();
            refresh();
        }
    }

    /** The equations and numbers shown last. */
    public EquationsFigure figure() {
        return figure;
    }

    /** The type size of the equations now, in px (1.3 × the base size when everything fits). */
    public double equationFontSize() {
        return style.fontSize() * scale;
    }

    /** Whether every line is in view without scrolling. */
    public boolean allLinesFit() {
        double vh = scroll.getViewportBounds().getHeight();
        return vh <= 0 || body.prefHeight(scroll.getViewportBounds().getWidth()) <= vh + 0.5;
    }

    private void refresh() {
        Snapshot s = snapshot;
        if (s == null) {
            figure = EquationsFigure.of(null, 0);
            heading.setText(figure.heading());
            note.setText(figure.note());
            return;
        }
        int t = Cursor.tick(s);
        int unit = Cursor.unit(s, selection);
        ForwardColumn col = t >= 0 ? s.columns().forward()[t] : null;
        ForwardColumn prev = org.rnnlab.ui.figure.ShownPosition.previous(s, t);
        BackwardColumn back = t >= 0 && s.position().phase() == Phase.BACKWARD ? s.columns().backward()[t] : null;
        // the run too: a model opened in the Ready state has the same position as the run before it
        Object key = java.util.Arrays.asList(s.run(), s.position().phase(), unit, t, col, prev, back, s.status().loss(),
                s.status().sequenceLoss(), s.status().update(), s.sequence().row());
        boolean sameKey = key.equals(shownKey);
        EquationsFigure next = sameKey ? figure : EquationsFigure.of(s, unit);
        // the Loss and Update phases state other equations than the cell's: rebuild when the set changes
        Object built = java.util.Arrays.asList(s.run().cell(), style.palette(), style.fontSize(),
                next.equations().stream().map(e -> e.equation() + "|" + e.title()).toList());
        boolean rebuilt = false;
        if (!built.equals(builtFor)) {
            build(next);
            builtFor = built;
            rebuilt = true;
        } else if (sameKey) {
            return;
        }
        shownKey = key;
        figure = next;
        heading.setText(figure.heading());
        String n = figure.note();
        if (!n.equals(note.getText())) {
            note.setText(n);
            note.setManaged(!n.isEmpty());
            note.setVisible(!n.isEmpty());
        }
        Font font = numericFont();
        for (int i = 0; i < blocks.size(); i++) {
            show(blocks.get(i).numeric, figure.equations().get(i).numeric(), font, "rnn-equation-numeric");
        }
        boolean linesChanged = show(gradientH, figure.dh(), font, "rnn-equation-gradient")
                | show(gradientC, figure.dc(), font, "rnn-equation-gradient");
        if (rebuilt || linesChanged) {
            fit();
        }
    }

    /** The nodes for a cell's equations, at the current scale. */
    private void build(EquationsFigure f) {
        blocks.clear();
        body.getChildren().clear();
        Font font = symbolicFont();
        for (EquationsFigure.Equation e : f.equations()) {
            TextFlow sym = MathText.flow(e.equation(), font, "rnn-equation-symbolic");
            Text title = null;
            if (e.title() != null) {
                title = new Text("    " + e.title());
                title.getStyleClass().add("rnn-equation-title");
                title.setFont(Font.font(font.getFamily(), Math.max(ViewStyle.MIN_FONT, style.fontSize())));
                sym.getChildren().add(title);
            }
            blocks.add(new Block(sym, title));
        }
        for (Block b : blocks) {
            b.numeric.setPadding(new Insets(0, 0, 0, font.getSize() * 1.5));
            body.getChildren().add(b.box);
        }
        body.getChildren().addAll(gradientH, gradientC);
    }

    private Font symbolicFont() {
        return Font.font(Font.getDefault().getFamily(), Math.max(ViewStyle.MIN_FONT, style.fontSize() * scale));
    }

    private Font numericFont() {
        return Font.font(Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD,
                Math.max(ViewStyle.MIN_FONT, style.fontSize() * scale));
    }

    /**
     * Writes notation into a flow, changing the text of its nodes in place when the runs keep
     * their shape; hides the flow for null. Returns whether the flow appeared or disappeared.
     */
    private static boolean show(TextFlow flow, String src, Font font, String styleClass) {
        boolean visible = src != null;
        boolean changed = flow.isVisible() != visible;
        flow.setVisible(visible);
        flow.setManaged(visible);
        if (!visible) {
            return changed;
        }
        List<MathText.Run> runs = MathText.parse(src);
        List<Node> kids = flow.getChildren();
        boolean same = kids.size() == runs.size();
        for (int i = 0; same && i < runs.size(); i++) {
            same = kids.get(i) instanceof Text tx && Integer.valueOf(runs.get(i).shift()).equals(tx.getUserData())
                    && tx.getFont().getSize() == (runs.get(i).shift() == MathText.Run.NORMAL ? font.getSize()
                    : MathText.scriptSize(font.getSize()));
        }
        if (same) {
            for (int i = 0; i < runs.size(); i++) {
                Text tx = (Text) kids.get(i);
                if (!tx.getText().equals(runs.get(i).text())) {
                    tx.setText(runs.get(i).text());
                }
            }
        } else {
            MathText.fill(flow, src, font, styleClass);
            for (int i = 0; i < runs.size(); i++) {
                kids.get(i).setUserData(runs.get(i).shift());
            }
        }
        return changed;
    }

    /**
     * The largest type at which every line fits the panel's height (down to the base size, after
     * which the panel scrolls), with the gates' titles only where they fit beside the equation.
     */
    private void fit() {
        if (fitting || blocks.isEmpty()) {
            return;
        }
        double vw = scroll.getViewportBounds().getWidth();
        double vh = scroll.getViewportBounds().getHeight();
        if (vw <= 0 || vh <= 0) {
            return;
        }
        fitting = true;
        try {
            for (int k = 0; k < SCALES.length; k++) {
                boolean last = k == SCALES.length - 1 || style.fontSize() * SCALES[k + 1] < ViewStyle.MIN_FONT;
                applyScale(SCALES[k], vw);
                if (last || body.prefHeight(vw) <= vh) {
                    break;
                }
            }
        } finally {
            fitting = false;
        }
    }

    private void applyScale(double sc, double width) {
        scale = sc;
        Font sym = symbolicFont();
        Font num = numericFont();
        for (Block b : blocks) {
            setFonts(b.symbolic, sym, b.title);
            setFonts(b.numeric, num, null);
            b.numeric.setPadding(new Insets(0, 0, 0, sym.getSize() * 1.5));
            if (b.title != null) {
                // beside the equation only if both fit on one line
                b.title.setManaged(false);
                b.title.setVisible(false);
                double eq = b.symbolic.prefWidth(-1);
                double titleW = b.title.getLayoutBounds().getWidth();
                boolean fits = eq + titleW <= width - 4;
                b.title.setManaged(fits);
                b.title.setVisible(fits);
            }
        }
        setFonts(gradientH, num, null);
        setFonts(gradientC, num, null);
    }

    private static void setFonts(TextFlow flow, Font base, Text skip) {
        Font script = Font.font(base.getFamily(), MathText.scriptSize(base.getSize()));
        for (Node n : flow.getChildren()) {
            if (n == skip || !(n instanceof Text tx)) {
                continue;
            }
            boolean normal = !(tx.getUserData() instanceof Integer shift) || shift == MathText.Run.NORMAL;
            Font f = normal ? Font.font(base.getFamily(), base.getStyle().toLowerCase().contains("bold")
                    ? javafx.scene.text.FontWeight.BOLD : javafx.scene.text.FontWeight.NORMAL, base.getSize()) : script;
            if (!f.equals(tx.getFont())) {
                tx.setFont(f);
                if (!normal) {
                    int shift = (Integer) tx.getUserData();
                    tx.setTranslateY(shift * base.getSize() * (shift > 0 ? 0.28 : 0.38));
                }
            }
        }
    }
}

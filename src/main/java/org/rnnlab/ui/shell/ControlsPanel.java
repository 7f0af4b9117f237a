package org.rnnlab.ui.shell;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.InitScheme;
import org.rnnlab.engine.Nonlinearity;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.model.FieldParsers;
import org.rnnlab.ui.model.SettingField;
import org.rnnlab.ui.model.SettingsModel;

/**
 * The side panel: every setting of the run. Each change is applied at once (text fields on Enter
 * or when focus leaves them) and rebuilds the model from the seed; a value that does not parse or
 * is out of range is refused with the reason right under its control, and the settings in force
 * stay. Escape in a field puts back the value in force.
 */
final class ControlsPanel {
    /** Wide enough for the widest row (the radius switch, slider and value) at 16 px. */
    static final double WIDTH = 390;
    private static final double RADIUS_MIN = 0.1;
    private static final double RADIUS_MAX = 3.0;

    private final SettingsModel model;
    private final ScrollPane root;
    private final GridPane grid = new GridPane();
    private final Map<SettingField, Node> rows = new EnumMap<>(SettingField.class);
    private final Map<SettingField, TextField> texts = new EnumMap<>(SettingField.class);
    private int row;
    private boolean updating;

    private final SegmentedButton cellType;
    private final ToggleButton[] cellToggles = new ToggleButton[CellKind.values().length];
    private final SegmentedButton rnnActivation;
    private final ToggleButton tanh = new ToggleButton("tanh");
    private final ToggleButton relu = new ToggleButton("ReLU");
    private final ToggleSwitch forgetGate = new ToggleSwitch();
    private final ComboBox<Double> forgetBias = new ComboBox<>();
    private final SegmentedButton gruVariant;
    private final ToggleButton gruPytorch = new ToggleButton("PyTorch");
    private final ToggleButton gruCho = new ToggleButton("Cho 2014");
    private final ComboBox<String> task = new ComboBox<>();
    private final ComboBox<InitScheme> init = new ComboBox<>();
    private final ToggleSwitch scaleRadius = new ToggleSwitch();
    private final Slider radius = new Slider(RADIUS_MIN, RADIUS_MAX, 1.0);
    private final Label radiusValue = new Label();
    private final ComboBox<OptimizerKind> optimizer = new ComboBox<>();
    private final ToggleSwitch clip = new ToggleSwitch();
    private final ToggleSwitch bidirectional = new ToggleSwitch();
    private final ComboBox<org.rnnlab.engine.DeepRecurrent.Merge> merge = MergeControl.box();

    ControlsPanel(SettingsModel model, List<String> taskIds) {
        this.model = model;
        grid.getStyleClass().add("controls-grid");
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        // ---- cell ----
        section("Cell");
        for (CellKind k : CellKind.values()) {
            ToggleButton t = new ToggleButton(k.name());
            t.setId("cell-" + k.name());
            t.setUserData(k);
            t.setTooltip(new Tooltip(switch (k) {
                case RNN -> "Elman RNN: h_t = φ(W x_t + U h_{t−1} + b)";
                case LSTM -> "Long short-term memory (Hochreiter & Schmidhuber 1997, forget gate of Gers et al. 2000)";
                case GRU -> "Gated recurrent unit (Cho et al. 2014)";
            }));
            cellToggles[k.ordinal()] = t;
        }
        cellType = new SegmentedButton(cellToggles);
        cellType.setId("cellType");
        keepOneSelected(cellType);
        cellType.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                apply(SettingField.CELL, s -> s.withCell((CellKind) t.getUserData()));
            }
        });
        add(SettingField.CELL, "Cell", cellType, "Which recurrent cell to step through");

        tanh.setId("rnn-tanh");
        relu.setId("rnn-relu");
        tanh.setTooltip(new Tooltip("h_t = tanh(…)"));
        relu.setTooltip(new Tooltip("h_t = ReLU(…), for the identity-initialised IRNN"));
        rnnActivation = new SegmentedButton(tanh, relu);
        rnnActivation.setId("rnnActivation");
        keepOneSelected(rnnActivation);
        rnnActivation.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                Nonlinearity n = t == relu ? Nonlinearity.RELU : Nonlinearity.TANH;
                apply(SettingField.RNN_ACTIVATION, s -> s.withVariant(n, s.forgetGate(), s.gruVariant()));
            }
        });
        add(SettingField.RNN_ACTIVATION, "Activation", rnnActivation, "The RNN's nonlinearity");

        forgetGate.setId("forgetGate");
        forgetGate.selectedProperty().addListener((o, a, on) ->
                apply(SettingField.FORGET_GATE, s -> s.withVariant(s.rnnActivation(), on, s.gruVariant())));
        add(SettingField.FORGET_GATE, "Forget gate", forgetGate,
                "On: the LSTM of Gers et al. 2000. Off: the 1997 cell, c_t = c_{t−1} + i_t ⊙ g_t");

        forgetBias.setId("forgetBias");
        forgetBias.getItems().addAll(Double.NaN, 0.0, 1.0);
        forgetBias.setConverter(ChoiceCells.converter(b -> Double.isNaN(b) ? "as drawn" : b == 0 ? "0" : "1"));
        forgetBias.setButtonCell(ChoiceCells.cell(forgetBias.getConverter()));
        forgetBias.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                apply(SettingField.FORGET_BIAS, s -> s.withInit(s.init(), b));
            }
        });
        add(SettingField.FORGET_BIAS, "Forget bias", forgetBias,
                "The forget gate's bias at initialisation: 1 keeps the cell state flowing from the start");

        gruPytorch.setId("gru-pytorch");
        gruCho.setId("gru-cho");
        gruPytorch.setTooltip(new Tooltip("n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn))"));
        gruCho.setTooltip(new Tooltip("n_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t−1}) + b_hn)"));
        gruVariant = new SegmentedButton(gruPytorch, gruCho);
        gruVariant.setId("gruVariant");
        keepOneSelected(gruVariant);
        gruVariant.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                GruVariant v = t == gruCho ? GruVariant.CHO_2014 : GruVariant.PYTORCH;
                apply(SettingField.GRU_VARIANT, s -> s.withVariant(s.rnnActivation(), s.forgetGate(), v));
            }
        });
        add(SettingField.GRU_VARIANT, "GRU form", gruVariant, "Where the reset gate acts");

        textField(SettingField.HIDDEN_SIZE, "hiddenSize", "Hidden units", "H, the number of hidden units (1..1024)",
                s -> Integer.toString(s.hiddenSize()),
                text -> s -> s.withHiddenSize(FieldParsers.parseInt(SettingField.HIDDEN_SIZE, text)));

        textField(SettingField.LAYERS, "layers", "Layers", "Stacked layers (1..4): each above the first reads the one below",
                s -> Integer.toString(s.layers()),
                text -> s -> AppTasks.withLayers(s, FieldParsers.parseInt(SettingField.LAYERS, text), s.bidirectional()));
        bidirectional.setId("bidirectional");
        bidirectional.selectedProperty().addListener((o, a, on) ->
                apply(SettingField.BIDIRECTIONAL, s -> s.withLayers(s.layers(), on)));
        add(SettingField.BIDIRECTIONAL, "Bidirectional", bidirectional,
                "Every layer also reads the sequence backwards, t = T..1, with its own weights");
        merge.valueProperty().addListener((o, a, m) -> apply(SettingField.MERGE, s -> m == null ? s : s.withMerge(m)));
        add(SettingField.MERGE, MergeControl.TITLE, merge, MergeControl.TIP);

        textField(SettingField.CLAMP, ClampControl.ID, ClampControl.TITLE, ClampControl.TIP,
                ClampControl::shown, ClampControl::change);

        // ---- task ----
        section("Task");
        task.setId("task");
        task.getItems().addAll(taskIds);
        task.setConverter(ChoiceCells.converter(AppTasks::title));
        // the closed box shows the short title ("Adding problem"), the list the full one with its source
        task.setButtonCell(ChoiceCells.cell(ChoiceCells.converter(id -> AppTasks.title(id).replaceFirst("\\s*\\(.*\\)$", ""))));
        task.setMaxWidth(Double.MAX_VALUE);
        task.valueProperty().addListener((o, a, id) -> {
            if (id != null) {
                apply(SettingField.TASK, s -> s.taskId().equals(id) ? s : AppTasks.switchTask(s, id));
            }
        });
        add(SettingField.TASK, "Task", task, "The sequence problem the network learns (switching sets its usual length)");
        textField(SettingField.SEQUENCE_LENGTH, "sequenceLength", "Length T", "Sequence length T, ticks per sequence",
                s -> Integer.toString(s.sequenceLength()),
                text -> s -> s.withTask(s.taskId(), FieldParsers.parseInt(SettingField.SEQUENCE_LENGTH, text)));
        textField(SettingField.BATCH_SIZE, "batchSize", "Batch", "Sequences per iteration (the views show the first)",
                s -> Integer.toString(s.batchSize()),
                text -> s -> s.withBatchSize(FieldParsers.parseInt(SettingField.BATCH_SIZE, text)));

        // ---- initialisation ----
        section("Initialisation");
        init.setId("init");
        init.getItems().addAll(InitScheme.values());
        init.setConverter(ChoiceCells.converter(ControlsPanel::initTitle));
        init.setButtonCell(ChoiceCells.cell(init.getConverter()));
        init.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                apply(SettingField.INIT, s -> s.withInit(v, s.forgetBias()));
            }
        });
        add(SettingField.INIT, "Initialiser", init, "How the weights are drawn");

        scaleRadius.setId("scaleRadius");
        scaleRadius.setText("");
        scaleRadius.setTooltip(new Tooltip("On: scale W_hh to the radius on the slider. Off: keep W_hh as drawn"));
        radius.setId("spectralRadius");
        radius.setMajorTickUnit(0.5);
        radius.setMinorTickCount(4);
        radius.setBlockIncrement(0.05);
        radius.setSnapToTicks(false);
        radius.setTooltip(new Tooltip("Scale the recurrent matrix W_hh (each gate block) to this spectral radius ρ:"
                + " below 1 gradients vanish, above 1 they can explode"));
        radiusValue.setId("spectralRadiusValue");
        radiusValue.setMinWidth(Region.USE_PREF_SIZE);
        radiusValue.getStyleClass().add("value-label");
        scaleRadius.selectedProperty().addListener((o, a, on) -> {
            radius.setDisable(!on);
            applyRadius();
        });
        radius.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                applyRadius();
            }
        });
        radius.valueProperty().addListener((o, a, v) -> {
            radiusValue.setText(radiusText());
            if (!radius.isValueChanging()) {
                applyRadius();
            }
        });
        HBox radiusRow = new HBox(8, scaleRadius, radius, radiusValue);
        radiusRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(radius, Priority.ALWAYS);
        radius.setMinWidth(80);
        add(SettingField.SPECTRAL_RADIUS, "Radius ρ(W_hh)", radiusRow,
                "Switch on to scale W_hh to the spectral radius on the slider; off keeps the matrix as drawn");

        // ---- training ----
        section("Training");
        textField(SettingField.LEARNING_RATE, "learningRate", "Learning rate", "Step size of the optimiser, > 0",
                s -> trim(s.learningRate()),
                text -> s -> s.withTraining(FieldParsers.parseDouble(SettingField.LEARNING_RATE, text), s.optimizer(),
                        s.clip(), s.clipThreshold()));
        optimizer.setId("optimizer");
        optimizer.getItems().addAll(OptimizerKind.values());
        optimizer.setConverter(ChoiceCells.converter(OptimizerKind::title));
        optimizer.setButtonCell(ChoiceCells.cell(optimizer.getConverter()));
        optimizer.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                apply(SettingField.OPTIMIZER, s -> s.withTraining(s.learningRate(), v, s.clip(), s.clipThreshold()));
            }
        });
        add(SettingField.OPTIMIZER, "Optimiser", optimizer, "How the gradient becomes a weight update");
        clip.setId("clip");
        clip.selectedProperty().addListener((o, a, on) ->
                apply(SettingField.CLIP, s -> s.withTraining(s.learningRate(), s.optimizer(), on, s.clipThreshold())));
        add(SettingField.CLIP, "Clip gradients", clip, "Rescale the gradient when its global norm exceeds the threshold");
        textField(SettingField.CLIP_THRESHOLD, "clipThreshold", "Clip at ‖g‖", "The global-norm threshold, > 0",
                s -> trim(s.clipThreshold()),
                text -> s -> s.withTraining(s.learningRate(), s.optimizer(), s.clip(),
                        FieldParsers.parseDouble(SettingField.CLIP_THRESHOLD, text)));

        section("Seed");
        textField(SettingField.SEED, "seed", "Seed", "Every random choice derives from the seed: same seed, same run",
                s -> Long.toString(s.seed()),
                text -> s -> s.withSeed(FieldParsers.parseLong(SettingField.SEED, text)));
        Button nextSeed = new Button("Next seed");
        nextSeed.setId("nextSeed");
        nextSeed.setTooltip(new Tooltip("Seed + 1: a new draw of weights and data"));
        nextSeed.setOnAction(e -> apply(SettingField.SEED, s -> s.withSeed(s.seed() + 1)));
        grid.add(nextSeed, 1, row++);

        VBox box = new VBox(grid);
        box.setPadding(new Insets(10, 14, 14, 14));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.getStyleClass().add("controls-panel");
        root.setId("controls");
        root.setPrefWidth(WIDTH);
        root.setMinWidth(WIDTH);
        root.setMaxWidth(WIDTH);

        refresh(model.settings());
        model.settingsProperty().addListener((o, a, s) -> refresh(s));
        model.declinedProperty().addListener((o, a, n) -> refresh(model.settings()));
    }

    Node node() {
        return root;
    }

    private void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        GridPane.setMargin(l, new Insets(row == 0 ? 0 : 12, 0, 2, 0));
        grid.add(l, 0, row++, 2, 1);
    }

    private void add(SettingField field, String title, Node control, String tip) {
        Label label = new Label(title);
        label.setTooltip(new Tooltip(tip));
        label.setLabelFor(control);
        label.getStyleClass().add("field-label");
        if (control instanceof Control c && c.getTooltip() == null) {
            c.setTooltip(new Tooltip(tip));
        }
        Label error = new Label();
        error.setId(idOf(field) + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty(field));
        error.visibleProperty().bind(model.errorProperty(field).isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        VBox cell = new VBox(2, control, error);
        cell.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(cell, Priority.ALWAYS);
        grid.add(label, 0, row);
        grid.add(cell, 1, row++);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        GridPane.setMargin(label, new Insets(5, 0, 0, 0));
        label.visibleProperty().bind(cell.visibleProperty());
        label.managedProperty().bind(cell.managedProperty());
        rows.put(field, cell);
    }

    private void textField(SettingField field, String id, String title, String tip,
                           Function<SimulationSettings, String> show,
                           Function<String, UnaryOperator<SimulationSettings>> change) {
        TextField tf = new TextField();
        tf.setId(id);
        tf.setPrefColumnCount(8);
        tf.setOnAction(e -> apply(field, change.apply(tf.getText())));
        tf.focusedProperty().addListener((o, was, now) -> {
            if (!now && !updating) {
                String inForce = show.apply(model.settings());
                if (!tf.getText().equals(inForce) || model.error(field) != null) {
                    apply(field, change.apply(tf.getText()));
                }
            }
        });
        tf.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                tf.setText(show.apply(model.settings()));
                model.clearError(field);
                markInvalid(field);
                tf.getParent().requestFocus();
                e.consume();
            }
        });
        tf.setUserData(show);
        texts.put(field, tf);
        add(field, title, tf, tip);
    }

    private void apply(SettingField field, UnaryOperator<SimulationSettings> change) {
        if (updating) {
            return;
        }
        model.apply(field, change);
        markInvalid(field);
    }

    private void markInvalid(SettingField field) {
        TextField tf = texts.get(field);
        if (tf == null) {
            return;
        }
        boolean bad = model.error(field) != null;
        tf.getStyleClass().remove(KeyDispatch.INVALID);
        if (bad) {
            tf.getStyleClass().add(KeyDispatch.INVALID);
        }
    }

    private void applyRadius() {
        radiusValue.setText(radiusText());
        double r = scaleRadius.isSelected() ? Math.round(radius.getValue() * 100) / 100.0 : Double.NaN;
        apply(SettingField.SPECTRAL_RADIUS, s -> s.withSpectralRadius(r));
    }

    private String radiusText() {
        return scaleRadius.isSelected() ? String.format(Locale.ROOT, "%.2f", radius.getValue()) : "as drawn";
    }

    /** Shows the settings in force; fields holding a refused value keep it until edited or Escape. */
    @SuppressWarnings("unchecked")
    private void refresh(SimulationSettings s) {
        updating = true;
        try {
            select(cellType, cellToggles[s.cell().ordinal()]);
            select(rnnActivation, s.rnnActivation() == Nonlinearity.RELU ? relu : tanh);
            forgetGate.setSelected(s.forgetGate());
            forgetBias.setValue(Double.isNaN(s.forgetBias()) ? Double.NaN : s.forgetBias() == 0 ? 0.0
                    : s.forgetBias() == 1 ? 1.0 : s.forgetBias());
            select(gruVariant, s.gruVariant() == GruVariant.CHO_2014 ? gruCho : gruPytorch);
            if (!task.getItems().contains(s.taskId())) {
                task.getItems().add(s.taskId());
            }
            task.setValue(s.taskId());
            init.setValue(s.init());
            scaleRadius.setSelected(!Double.isNaN(s.spectralRadius()));
            radius.setDisable(Double.isNaN(s.spectralRadius()));
            if (!Double.isNaN(s.spectralRadius())) {
                radius.setValue(Math.max(RADIUS_MIN, Math.min(RADIUS_MAX, s.spectralRadius())));
            }
            radiusValue.setText(radiusText());
            optimizer.setValue(s.optimizer());
            clip.setSelected(s.clip());
            bidirectional.setSelected(s.bidirectional());
            merge.setValue(s.merge());
            for (Map.Entry<SettingField, TextField> e : texts.entrySet()) {
                if (model.error(e.getKey()) == null) {
                    e.getValue().setText(((Function<SimulationSettings, String>) e.getValue().getUserData()).apply(s));
                }
            }
            show(SettingField.RNN_ACTIVATION, s.cell() == CellKind.RNN);
            show(SettingField.FORGET_GATE, s.cell() == CellKind.LSTM);
            show(SettingField.FORGET_BIAS, s.cell() == CellKind.LSTM && s.forgetGate());
            show(SettingField.GRU_VARIANT, s.cell() == CellKind.GRU);
            show(SettingField.CLAMP, s.cell() != CellKind.RNN);
            show(SettingField.CLIP_THRESHOLD, s.clip());
            show(SettingField.MERGE, s.bidirectional());
        } finally {
            updating = false;
        }
    }

    /**
     * Selects a segment. Before the segmented button's skin exists its buttons are not in its
     * toggle group yet, so the group alone cannot select one: the button is marked selected too,
     * and the group takes it when the skin adds the buttons.
     */
    private static void select(SegmentedButton b, ToggleButton t) {
        b.getToggleGroup().selectToggle(t);
        t.setSelected(true);
    }

    private void show(SettingField field, boolean on) {
        Node n = rows.get(field);
        n.setVisible(on);
        n.setManaged(on);
    }

    private static void keepOneSelected(SegmentedButton b) {
        b.getToggleGroup().selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null && old != null) {
                b.getToggleGroup().selectToggle(old);
            }
        });
    }

    static String idOf(SettingField f) {
        String[] parts = f.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }

    private static String initTitle(InitScheme s) {
        return switch (s) {
            case PYTORCH_DEFAULT -> "PyTorch default";
            case GLOROT_UNIFORM -> "Glorot uniform";
            case ORTHOGONAL -> "Orthogonal";
            case IDENTITY -> "Identity (IRNN)";
        };
    }

    private static String trim(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

}

package org.rnnlab.ui.compare;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.SegmentedButton;
import org.rnnlab.training.Phase;
import org.rnnlab.training.SideBySideMatch;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.ui.model.SpeedScale;
import org.rnnlab.ui.shell.PhaseColors;
import org.rnnlab.ui.shell.Icons;
import org.rnnlab.ui.shell.ToolbarButtons;

/**
 * Compare mode's toolbar: back to the window, the transport (every button drives all lanes in
 * lockstep), the speed, the shared phase indicator, the iteration, and the switch between
 * matched hidden size and matched parameter count. FX thread.
 */
final class CompareBar {
    private final HBox root = new HBox(8);
    private final Button close = ToolbarButtons.button("compare-close", "Window", Icons.back(), "Back to the single-cell window (Esc)");
    private final Button reset = ToolbarButtons.button("compare-reset", "Reset", Icons.reset(),
            "Rebuild every cell from the seed and start again (Home)");
    private final Button stepBack = ToolbarButtons.button("compare-stepBack", "Back", Icons.stepBack(),
            "Step every cell back one tick (← or Page Up)");
    private final Button playPause = ToolbarButtons.button("compare-play", "Play", Icons.play(), "Play / pause all cells (Space)");
    private final Button stepForward = ToolbarButtons.button("compare-stepForward", "Step", Icons.stepForward(),
            "Step every cell forward one tick (→ or Page Down)");
    private final Button toBackward = ToolbarButtons.button("compare-jumpBackward", "Backward", Icons.toBackward(),
            "Finish the forward pass and the loss of every cell, and show the first backward tick (B)");
    private final Slider speed = new Slider(0, SpeedScale.MAX, SpeedScale.position(4));
    private final Label speedLabel = new Label();
    private final Label title = new Label("Compare");
    private final Label phase = new Label("Ready");
    private final Label iteration = new Label("iteration 1");
    private final ToggleButton sameH = new ToggleButton("Same H");
    private final ToggleButton sameParams = new ToggleButton("Same parameters");
    private final SegmentedButton match = new SegmentedButton(sameH, sameParams);
    private Phase phaseShown = Phase.READY;
    private boolean playingShown;
    private boolean updatingMatch;

    CompareBar(CompareMode mode) {
        close.setOnAction(e -> mode.close());
        reset.setOnAction(e -> mode.reset());
        stepBack.setOnAction(e -> mode.stepBack());
        playPause.setOnAction(e -> mode.togglePlay());
        stepForward.setOnAction(e -> mode.stepForward());
        toBackward.setOnAction(e -> mode.jumpToBackward());
        playPause.getStyleClass().add("play-button");

        speed.setId("compare-speed");
        speed.setPrefWidth(130);
        speed.setTooltip(new Tooltip("Playing speed: from one tick every two seconds to full speed"));
        speed.valueProperty().addListener((o, a, v) -> {
            double tps = SpeedScale.ticksPerSecond(v.doubleValue());
            speedLabel.setText(SpeedScale.describe(tps));
            mode.setSpeed(tps);
        });
        speedLabel.setText(SpeedScale.describe(SpeedScale.ticksPerSecond(speed.getValue())));
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        speedLabel.setPrefWidth(110);

        phase.setId("comparePhase");
        phase.getStyleClass().add("phase-label");
        phase.setBackground(new Background(new BackgroundFill(PhaseColors.label(Phase.READY), new CornerRadii(6), null)));
        phase.setTooltip(new Tooltip("Where every cell is: they step together, so one phase for all"));
        phase.setMinWidth(Region.USE_PREF_SIZE);
        iteration.setId("compareIteration");
        iteration.getStyleClass().add("iteration-label");
        iteration.setMinWidth(Region.USE_PREF_SIZE);

        sameH.setId("compare-sameH");
        sameH.setTooltip(new Tooltip("Every cell gets the same hidden size H"));
        sameParams.setId("compare-sameParams");
        sameParams.setTooltip(new Tooltip("The LSTM keeps H; the other cells get the H that gives about as many parameters"));
        ToggleGroup group = match.getToggleGroup();
        sameH.setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
                return;
            }
            if (!updatingMatch) {
                mode.setMatch(now == sameParams ? SideBySideMatch.PARAMETER_COUNT : SideBySideMatch.HIDDEN_SIZE);
            }
        });
        match.setId("compare-match");

        title.getStyleClass().add("compare-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        root.getChildren().addAll(close, title, ToolbarButtons.separator(), reset, stepBack, playPause, stepForward, toBackward, ToolbarButtons.separator(), speed,
                speedLabel, ToolbarButtons.separator(), phase, iteration, grow, match);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(8, 12, 8, 12));
        root.getStyleClass().addAll("transport-bar", "compare-bar");
        root.setId("compareBar");
    }

    Node node() {
        return root;
    }

    /** Icons only, no title or speed text, for narrow windows (the tooltips name the buttons). */
    void setCompact(boolean compact) {
        javafx.scene.control.ContentDisplay d = compact ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                : javafx.scene.control.ContentDisplay.LEFT;
        for (Button b : new Button[] {close, reset, stepBack, playPause, stepForward, toBackward}) {
            b.setContentDisplay(d);
        }
        for (Node n : new Node[] {title, speedLabel}) {
            n.setVisible(!compact);
            n.setManaged(!compact);
        }
    }

    /** Shows the match without sending it back as a command. */
    void showMatch(SideBySideMatch m) {
        updatingMatch = true;
        try {
            (m == SideBySideMatch.PARAMETER_COUNT ? sameParams : sameH).setSelected(true);
        } finally {
            updatingMatch = false;
        }
    }

    void setSpeedShown(double tps) {
        speed.setValue(SpeedScale.position(tps));
    }

    void show(SideBySideSnapshot s) {
        String text = s.phaseText();
        if (!text.equals(phase.getText())) {
            phase.setText(text);
        }
        if (s.phase() != phaseShown) {
            phaseShown = s.phase();
            phase.setBackground(new Background(new BackgroundFill(PhaseColors.label(s.phase()), new CornerRadii(6), null)));
        }
        String it = "iteration " + s.lane(0).snapshot().position().iteration();
        if (!it.equals(iteration.getText())) {
            iteration.setText(it);
        }
    }

    void showPlaying(boolean playing, boolean training) {
        if (playing != playingShown) {
            playingShown = playing;
            playPause.setText(playing ? "Pause" : "Play");
            playPause.setGraphic(playing ? Icons.pause() : Icons.play());
        }
        stepBack.setDisable(training);
        stepForward.setDisable(training);
        playPause.setDisable(training);
        toBackward.setDisable(training);
        reset.setDisable(training);
        match.setDisable(training);
    }

    // ---- for tests ----

    String phaseText() {
        return phase.getText();
    }
}

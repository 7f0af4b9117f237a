package org.rnnlab.ui.compare;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.controlsfx.control.SegmentedButton;
import org.rnnlab.training.SideBySideMatch;
import org.rnnlab.training.SideBySideSnapshot;
import org.rnnlab.ui.controls.Icons;
import org.rnnlab.ui.controls.ToolbarButtons;
import org.rnnlab.ui.controls.ToolbarRows;
import org.rnnlab.ui.controls.TransportControls;

/**
 * Compare mode's toolbar: back to the window, the transport ({@link TransportControls}, as the
 * window's toolbar has; every button drives all lanes in lockstep, one phase for all), and the
 * switch between matched hidden size and matched parameter count. FX thread.
 */
final class CompareBar {
    private static final TransportControls.Words WORDS = new TransportControls.Words("compare-",
            "Rebuild every cell from the seed and start again (Home)", "Step every cell back one tick (← or Page Up)",
            "Play / pause all cells (Space)", "Step every cell forward one tick (→ or Page Down)",
            "Finish the forward pass and the loss of every cell, and show the first backward tick (B)",
            "Where every cell is: they step together, so one phase for all");

    private final ToolbarRows root = new ToolbarRows(6, 6);
    private final Button close = ToolbarButtons.button("compare-close", "Window", Icons.back(), "Back to the single-cell window (Esc)");
    private final TransportControls transport;
    private final Label title = new Label("Compare");
    private final ToggleButton sameH = new ToggleButton("Same H");
    private final ToggleButton sameParams = new ToggleButton("Same parameters");
    private final SegmentedButton match = new SegmentedButton(sameH, sameParams);
    private boolean updatingMatch;

    CompareBar(CompareMode mode) {
        transport = new TransportControls(mode, WORDS);
        close.setOnAction(e -> mode.close());
        transport.speed().setPrefWidth(130);
        transport.speedLabel().setPrefWidth(110);

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
        root.setSpring(grow);
        root.getChildren().addAll(close, title, ToolbarButtons.separator());
        root.getChildren().addAll(transport.buttons());
        root.getChildren().addAll(ToolbarButtons.separator(), transport.speed(), transport.speedLabel(),
                ToolbarButtons.separator(), transport.phase(), transport.iteration(), grow, match);
        root.setPadding(new Insets(8, 12, 8, 12));
        root.getStyleClass().addAll("transport-bar", "compare-bar");
        root.setId("compareBar");
    }

    Node node() {
        return root;
    }

    /** Icons only, no title or speed text, for narrow windows (the tooltips name the buttons). */
    void setCompact(boolean compact) {
        close.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        transport.setCompact(compact);
        for (Node n : new Node[] {title, transport.speedLabel()}) {
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
        transport.setSpeedShown(tps);
    }

    void show(SideBySideSnapshot s) {
        transport.show(s.phase(), s.phaseText(), s.lane(0).snapshot().position().iteration());
    }

    void showPlaying(boolean playing, boolean training) {
        transport.showPlaying(playing, training);
        transport.reset().setDisable(training);
        match.setDisable(training);
    }
}

package org.rnnlab.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.controls.PhaseColors;

/**
 * What stays of the toolbar in presenter mode: the phase indicator, the loss and the iteration in
 * large type, and a one-line reminder of the keys that drive the run. Node ids:
 * {@code presenterStrip}, {@code presenterPhase}, {@code presenterLoss}, {@code presenterIteration},
 * {@code presenterHint}.
 */
final class PresenterStrip extends HBox {
    static final String HINT = "Space play · → step · PgDn next · P controls · F1 keys";

    private final Label phase = new Label("Ready");
    private final Label loss = new Label("loss —");
    private final Label iteration = new Label("iteration 1");
    private final Label hint = new Label(HINT);
    private Phase phaseShown;

    PresenterStrip() {
        super(20);
        setId("presenterStrip");
        getStyleClass().add("presenter-strip");
        phase.setId("presenterPhase");
        phase.getStyleClass().addAll("phase-label", "presenter-phase");
        phase.setMinWidth(Region.USE_PREF_SIZE);
        loss.setId("presenterLoss");
        loss.getStyleClass().add("loss-label");
        loss.setMinWidth(Region.USE_PREF_SIZE);
        iteration.setId("presenterIteration");
        iteration.getStyleClass().add("iteration-label");
        iteration.setMinWidth(Region.USE_PREF_SIZE);
        hint.setId("presenterHint");
        hint.getStyleClass().add("presenter-hint");
        hint.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(phase, loss, iteration, grow, hint);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 16, 6, 16));
        showPhase(Phase.READY);
    }

    void show(Snapshot s) {
        String text = s.phaseText();
        if (!text.equals(phase.getText())) {
            phase.setText(text);
        }
        showPhase(s.position().phase());
        loss.setText(TransportBar.lossText(s));
        iteration.setText("iteration " + s.position().iteration());
    }

    private void showPhase(Phase p) {
        if (p != phaseShown) {
            phaseShown = p;
            phase.setBackground(PhaseColors.labelBackground(p));
        }
    }

    String phaseText() {
        return phase.getText();
    }
}

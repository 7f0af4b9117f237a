package org.rnnlab.ui.controls;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.rnnlab.training.Phase;
import org.rnnlab.ui.model.SpeedScale;

/**
 * The transport of the window's toolbar and of compare mode's, over a {@link Transport}: reset,
 * step back, play/pause, step forward, jump to the backward phase, the speed and its words, the
 * phase indicator (in the phase's colour) and the iteration. Each bar lays these out with its
 * own controls. Ids are the {@link Words#idPrefix} then "reset", "stepBack", "playPause",
 * "stepForward", "jumpBackward", "speed", "speedLabel", "phase", "iteration". FX thread.
 */
public final class TransportControls {
    /**
     * What differs between the bars: the id prefix ("" for the window, "compare-") and the
     * tooltips, which say what is driven (the model, or every cell).
     */
    public record Words(String idPrefix, String reset, String stepBack, String play, String stepForward,
                        String toBackward, String phase) {
    }

    private final Button reset;
    private final Button stepBack;
    private final Button playPause;
    private final Button stepForward;
    private final Button toBackward;
    private final Slider speed = new Slider(0, SpeedScale.MAX, SpeedScale.position(4));
    private final Label speedLabel = new Label();
    private final Label phase = new Label("Ready");
    private final Label iteration = new Label("iteration 1");
    private boolean playingShown;
    private Phase phaseShown = Phase.READY;

    public TransportControls(Transport transport, Words words) {
        String id = words.idPrefix();
        reset = ToolbarButtons.button(id + "reset", "Reset", Icons.reset(), words.reset());
        stepBack = ToolbarButtons.button(id + "stepBack", "Back", Icons.stepBack(), words.stepBack());
        playPause = ToolbarButtons.button(id + "playPause", "Play", Icons.play(), words.play());
        stepForward = ToolbarButtons.button(id + "stepForward", "Step", Icons.stepForward(), words.stepForward());
        toBackward = ToolbarButtons.button(id + "jumpBackward", "Backward", Icons.toBackward(), words.toBackward());
        reset.setOnAction(e -> transport.reset());
        stepBack.setOnAction(e -> transport.stepBack());
        playPause.setOnAction(e -> transport.togglePlay());
        stepForward.setOnAction(e -> transport.stepForward());
        toBackward.setOnAction(e -> transport.jumpToBackward());
        playPause.getStyleClass().add("play-button");

        speed.setId(id + "speed");
        speed.setBlockIncrement(SpeedScale.MAX / 20);
        speed.setTooltip(new Tooltip("Playing speed: from one tick every two seconds to full speed"));
        speed.valueProperty().addListener((o, a, v) -> {
            double tps = SpeedScale.ticksPerSecond(v.doubleValue());
            speedLabel.setText(SpeedScale.describe(tps));
            transport.setSpeed(tps);
        });
        speedLabel.setId(id + "speedLabel");
        speedLabel.setText(SpeedScale.describe(SpeedScale.ticksPerSecond(speed.getValue())));
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);

        phase.setId(id + "phase");
        phase.getStyleClass().add("phase-label");
        phase.setBackground(PhaseColors.labelBackground(Phase.READY));
        phase.setTooltip(new Tooltip(words.phase()));
        phase.setMinWidth(Region.USE_PREF_SIZE);
        iteration.setId(id + "iteration");
        iteration.getStyleClass().add("iteration-label");
        iteration.setTooltip(new Tooltip("The iteration being stepped through (one batch, forward and backward, one update)"));
        iteration.setMinWidth(Region.USE_PREF_SIZE);
    }

    /** The five transport buttons in toolbar order. */
    public List<Button> buttons() {
        return List.of(reset, stepBack, playPause, stepForward, toBackward);
    }

    public Button reset() {
        return reset;
    }

    public Slider speed() {
        return speed;
    }

    public Label speedLabel() {
        return speedLabel;
    }

    public Label phase() {
        return phase;
    }

    public Label iteration() {
        return iteration;
    }

    /** Moves the speed slider to {@code ticksPerSecond} (which sends it to the transport). */
    public void setSpeedShown(double ticksPerSecond) {
        speed.setValue(SpeedScale.position(ticksPerSecond));
    }

    /** The phase text, in the phase's colour; the iteration. */
    public void show(Phase p, String phaseText, long iterationShown) {
        if (!phaseText.equals(phase.getText())) {
            phase.setText(phaseText);
        }
        if (p != phaseShown) {
            phaseShown = p;
            phase.setBackground(PhaseColors.labelBackground(p));
        }
        String it = "iteration " + iterationShown;
        if (!it.equals(iteration.getText())) {
            iteration.setText(it);
        }
    }

    /** Play or Pause on the play button; stepping is off while training runs. */
    public void showPlaying(boolean playing, boolean training) {
        if (playing != playingShown) {
            playingShown = playing;
            playPause.setText(playing ? "Pause" : "Play");
            playPause.setGraphic(playing ? Icons.pause() : Icons.play());
        }
        stepBack.setDisable(training);
        stepForward.setDisable(training);
        playPause.setDisable(training);
        toBackward.setDisable(training);
    }

    /** Icons only (narrow windows: the tooltips name the buttons), or icons and words. */
    public void setCompact(boolean compact) {
        ContentDisplay d = compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
        for (ButtonBase b : buttons()) {
            b.setContentDisplay(d);
        }
        // the play button keeps room for "Pause" only while it shows words
        playPause.getStyleClass().remove("compact");
        if (compact) {
            playPause.getStyleClass().add("compact");
        }
    }
}

package org.rnnlab.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.rnnlab.task.speech.RecordingId;
import org.rnnlab.task.speech.SpokenDigits;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.SpokenPrediction;
import org.rnnlab.ui.audio.RecordingPlayer;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.view.ListenView;

/**
 * The speech task's "Listen" panel: a choice of the bundled recordings (by digit and speaker),
 * Play, and the recording as the model hears it ({@link ListenView}). Sound goes through a
 * {@link RecordingPlayer} on its own thread; with no sound device, Play is disabled and the
 * panel says "no sound device" (also Play's tooltip). FX thread.
 */
final class ListenPanel {
    private final ViewStyle style;
    private final RecordingPlayer player;
    private final Executor fx;
    private final ComboBox<RecordingId> recording = new ComboBox<>();
    private final Button play = new Button("▶ Play");
    private final Label sound = new Label();
    private final ListenView view;
    private final HBox root;
    private boolean noDevice;
    private boolean playing;
    private final Cursor cursor = new Cursor();

    /**
     * @param engine   the engine's prediction on a recording ({@code EngineRunner::listen})
     * @param fx       runs answers on the FX thread ({@code Platform::runLater})
     * @param player   plays the recordings
     * @param keysBack gives the keyboard back to the views after a choice
     */
    ListenPanel(Function<RecordingId, CompletableFuture<SpokenPrediction>> engine, Executor fx, RecordingPlayer player,
                ViewStyle style, Runnable keysBack) {
        this.fx = fx;
        this.player = player;
        this.style = style;
        List<RecordingId> ids = SpokenDigits.waveformIds();
        recording.getItems().setAll(ids);
        recording.setConverter(new StringConverter<>() {
            @Override
            public String toString(RecordingId id) {
                return id == null ? "" : label(id);
            }

            @Override
            public RecordingId fromString(String s) {
                return ids.stream().filter(id -> label(id).equals(s)).findFirst().orElse(null);
            }
        });
        recording.setId("recording");
        recording.setFocusTraversable(false);
        recording.getSelectionModel().select(0);
        view = new ListenView(style, engine, fx, ids.get(0));
        view.setOnAnswer(this::enablePlay); // the prediction comes after the snapshot that asked for it
        recording.valueProperty().addListener((o, a, id) -> {
            keysBack.run();
            if (id != null) {
                view.setRecording(id);
            }
        });
        play.setId("play");
        play.setFocusTraversable(false);
        play.setDisable(true);
        play.setOnAction(e -> {
            playShown();
            keysBack.run();
        });
        sound.setId("sound");
        sound.setWrapText(true);
        sound.setMaxWidth(200);
        sound.getStyleClass().add("generation-info");
        player.probe().whenComplete((why, e) -> fx.execute(() -> setSound(e != null ? String.valueOf(e.getMessage()) : why)));
        KeyDispatch.takeKeysOnClick(view.node());
        VBox controls = new VBox(8, new Label("Recording"), recording, play, sound);
        controls.setAlignment(Pos.TOP_LEFT);
        controls.setMinWidth(200);
        controls.setPrefWidth(200);
        root = new HBox(10, controls, view.node());
        HBox.setHgrow(view.node(), Priority.ALWAYS);
        root.setId("listenPanel");
        root.setPadding(new Insets(6, 10, 6, 10));
        style.fontSizeProperty().addListener(o -> applyFont());
        applyFont();
    }

    Node node() {
        return root;
    }

    ListenView view() {
        return view;
    }

    /** "7 · jackson": the digit and who says it. */
    static String label(RecordingId id) {
        return id.digit() + " · " + id.speaker();
    }

    void show(Snapshot s) {
        view.show(s);
        enablePlay();
    }

    private void enablePlay() {
        play.setDisable(noDevice || playing || view.prediction() == null);
    }

    private void setSound(String why) {
        noDevice = why != null;
        sound.setText(noDevice ? why : "");
        sound.setVisible(noDevice);
        enablePlay();
        play.setTooltip(new Tooltip(noDevice ? why : "Play the recording"));
    }

    private void playShown() {
        SpokenPrediction sp = view.prediction();
        if (sp == null || noDevice) {
            return;
        }
        playing = true;
        enablePlay();
        cursor.start();
        player.play(sp.audio()).whenComplete((v, e) -> fx.execute(() -> {
            playing = false;
            cursor.stop();
            view.setCursor(Double.NaN);
            if (e != null) {
                Throwable c = e.getCause() != null ? e.getCause() : e;
                setSound(String.valueOf(c.getMessage()));
            } else {
                enablePlay();
            }
        }));
    }

    /** Moves the playing cursor with the time since Play, once per frame while the sound plays. */
    private final class Cursor extends AnimationTimer {
        private long started = -1;

        @Override
        public void start() {
            started = -1;
            super.start();
        }

        @Override
        public void handle(long now) {
            if (started < 0) {
                started = now;
            }
            view.setCursor((now - started) / 1e9);
        }
    }

    private void applyFont() {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", style.fontSize()));
    }
}

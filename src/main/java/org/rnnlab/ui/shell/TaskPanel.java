package org.rnnlab.ui.shell;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.rnnlab.task.ForecastTask;
import org.rnnlab.task.SineTask;
import org.rnnlab.task.TextTask;
import org.rnnlab.task.speech.RecordingId;
import org.rnnlab.task.speech.SpeechTask;
import org.rnnlab.training.SeriesForecast;
import org.rnnlab.training.SpokenPrediction;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TextGeneration;
import org.rnnlab.ui.audio.RecordingPlayer;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.view.ForecastView;

/**
 * The strip under the views that shows what a task is for: the generation panel for the text
 * task, the forecast for the series tasks (airline, csv, sine), the Listen panel for speech,
 * nothing for the others (the strip
 * then takes no room). Which one is shown follows the shown snapshot's task. FX thread.
 */
final class TaskPanel {
    static final Set<String> SERIES = Set.of(ForecastTask.AIRLINE, ForecastTask.CSV, SineTask.ID);
    /** The strip's height at 1080p; {@link #setShort} makes it smaller for short windows. */
    static final double HEIGHT = 250;
    static final double SHORT_HEIGHT = 140;

    /** Built when their task is first shown (the first window's task needs neither). */
    private final Lazy<GenerationPanel> generation;
    private final Lazy<ForecastView> forecast;
    private final Function<RecordingId, CompletableFuture<SpokenPrediction>> listen;
    private final Executor fx;
    private final ViewStyle style;
    private final Runnable keysBack;
    private ListenPanel listenPanel;
    private final StackPane root = new StackPane();
    private String task;

    TaskPanel(Function<TextGeneration.Request, CompletableFuture<TextGeneration.Passage>> generate,
              Function<double[], CompletableFuture<SeriesForecast>> forecasts,
              Function<RecordingId, CompletableFuture<SpokenPrediction>> listen, Executor fx, ViewStyle style,
              Runnable keysBack) {
        this.listen = listen;
        this.fx = fx;
        this.style = style;
        this.keysBack = keysBack;
        generation = new Lazy<>(() -> new GenerationPanel(generate, fx, style, keysBack));
        forecast = new Lazy<>(() -> {
            ForecastView view = new ForecastView(style, forecasts, fx);
            KeyDispatch.takeKeysOnClick(view.node());
            return view;
        });
        root.setId("taskPanel");
        root.getStyleClass().add("task-panel");
        setShort(false);
        showTask(null);
    }

    Node node() {
        return root;
    }

    GenerationPanel generation() {
        return generation.get();
    }

    ForecastView forecast() {
        return forecast.get();
    }

    /** The speech task's panel, made when the speech task is first shown (null before). */
    ListenPanel listen() {
        return listenPanel;
    }

    void setShort(boolean small) {
        double h = small ? SHORT_HEIGHT : HEIGHT;
        root.setPrefHeight(h);
        root.setMinHeight(h);
    }

    void show(Snapshot s) {
        String id = s.run().settings().taskId();
        if (!id.equals(task)) {
            showTask(id);
        }
        if (TextTask.ID.equals(id)) {
            generation.get().show(s);
        } else if (SERIES.contains(id)) {
            forecast.get().show(s);
        } else if (SpeechTask.ID.equals(id)) {
            listenPanel.show(s);
        }
    }

    private ListenPanel listenPanel() {
        if (listenPanel == null) {
            listenPanel = new ListenPanel(listen, fx, RecordingPlayer.system(), style, keysBack);
        }
        return listenPanel;
    }

    private void showTask(String id) {
        task = id;
        Node shown = TextTask.ID.equals(id) ? generation.get().node()
                : id != null && SERIES.contains(id) ? forecast.get().node()
                : SpeechTask.ID.equals(id) ? listenPanel().node() : null;
        root.getChildren().setAll(shown == null ? java.util.List.of() : java.util.List.of(shown));
        root.setVisible(shown != null);
        root.setManaged(shown != null);
    }
}

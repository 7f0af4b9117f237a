package org.rnnlab.ui.view;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.scene.Node;
import org.rnnlab.task.speech.RecordingId;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.SpokenPrediction;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.ListenFigure;

/**
 * The speech task's recording as the model hears it: waveform, log-mel spectrogram and the digit
 * and probability at every tick ({@link ListenFigure}). The prediction is the engine's: when the
 * shown run, its weights (number of updates) or the chosen recording change, the view asks the
 * engine (one request at a time; the newest change is asked for when the answer comes) and draws
 * the answer when it arrives on the FX thread. It keeps only the last answer, for the run and
 * recording that asked.
 */
public final class ListenView implements SnapshotView {
    /** What a prediction depends on. */
    private record Key(long run, long updates, RecordingId recording) {
    }

    private final ViewStyle style;
    private final CanvasPane canvas;
    private final Function<RecordingId, CompletableFuture<SpokenPrediction>> engine;
    private final EngineAnswers<Key, SpokenPrediction> answers;
    private RecordingId recording;
    private SpokenPrediction shown;
    private String problem;
    private Runnable onAnswer = () -> { };
    private ListenFigure figure;
    private double cursor = Double.NaN;

    /**
     * @param engine    the engine's prediction on a recording ({@code EngineRunner::listen})
     * @param fx        runs the answer on the FX thread ({@code Platform::runLater})
     * @param recording the recording shown first
     */
    public ListenView(ViewStyle style, Function<RecordingId, CompletableFuture<SpokenPrediction>> engine, Executor fx,
                      RecordingId recording) {
        this.style = style;
        this.engine = engine;
        this.recording = recording;
        this.answers = new EngineAnswers<>(fx, ListenView::sameTarget, (answer, why) -> {
            shown = answer;
            problem = why;
            redraw();
            onAnswer.run();
        });
        this.canvas = new CanvasPane(1200, 240, this::redraw);
        canvas.setId("listen");
        canvas.getStyleClass().addAll("rnn-view", "rnn-listen");
        ViewStyles.attach(canvas, style, this::redraw);
        redraw();
    }

    @Override
    public Node node() {
        return canvas;
    }

    @Override
    public void show(Snapshot s) {
        want(new Key(s.run().id(), s.run().history().updates(), recording));
    }

    /** Shows another recording (asks the engine for it once a snapshot has been shown). */
    public void setRecording(RecordingId id) {
        recording = id;
        Key last = answers.wanted();
        if (last != null) {
            want(new Key(last.run(), last.updates(), id));
        }
    }

    private static boolean sameTarget(Key a, Key b) {
        return a.run() == b.run() && a.recording().equals(b.recording());
    }

    private void want(Key key) {
        answers.want(key, () -> engine.apply(key.recording()));
    }

    /** Runs {@code r} on the FX thread after each answer from the engine is drawn (or its failure). */
    public void setOnAnswer(Runnable r) {
        onAnswer = r;
    }

    /** Draws the playing cursor {@code seconds} into the recording (NaN: none). */
    public void setCursor(double seconds) {
        cursor = seconds;
        redraw();
    }

    /** The prediction drawn now, or null. */
    public SpokenPrediction prediction() {
        return shown;
    }

    /** The figure painted last. */
    public ListenFigure figure() {
        return figure;
    }

    private void redraw() {
        double w = canvas.canvas().getWidth();
        double h = canvas.canvas().getHeight();
        figure = shown == null
                ? ListenFigure.waiting(problem != null ? "No prediction: " + problem : "Listening with the current weights…",
                        w, h, style.fontSize(), style.palette())
                : ListenFigure.of(shown, w, h, style.fontSize(), FxTextMetrics.INSTANCE, style.palette(), cursor);
        canvas.paint(figure, style.palette().backgroundArgb());
    }
}

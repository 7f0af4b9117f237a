package org.rnnlab.ui.view;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.scene.Node;
import org.rnnlab.training.SeriesForecast;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.CanvasPane;
import org.rnnlab.ui.chart.FxTextMetrics;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.ForecastFigure;

/**
 * The forecasting tasks' panel: the whole series, the window fed in and the free-running
 * forecast against the truth ({@link ForecastFigure}). The forecast is the engine's: when the
 * shown run, its weights (number of updates), its iteration or the followed sequence change, the
 * view asks the engine for the forecast from the window shown (one request at a time; the newest
 * change is asked for when the answer comes) and draws the answer when it arrives on the FX thread.
 * It keeps only the last answer, for the run that asked.
 */
public final class ForecastView implements SnapshotView {
    /** What a forecast depends on. */
    private record Key(long run, long updates, long iteration, int row) {
    }

    private final ViewStyle style;
    private final CanvasPane canvas;
    private final Function<double[], CompletableFuture<SeriesForecast>> engine;
    private final EngineAnswers<Key, SeriesForecast> answers;
    private SeriesForecast shown;
    private String problem;
    private ForecastFigure figure;

    /**
     * @param engine the engine's forecast from a window's inputs ({@code EngineRunner::forecast})
     * @param fx     runs the answer on the FX thread ({@code Platform::runLater})
     */
    public ForecastView(ViewStyle style, Function<double[], CompletableFuture<SeriesForecast>> engine, Executor fx) {
        this.style = style;
        this.engine = engine;
        this.answers = new EngineAnswers<>(fx, (a, b) -> a.run() == b.run(), (answer, why) -> {
            shown = answer;
            problem = why;
            redraw();
        });
        this.canvas = new CanvasPane(1200, 260, this::redraw);
        canvas.setId("forecast");
        canvas.getStyleClass().addAll("rnn-view", "rnn-forecast");
        ViewStyles.attach(canvas, style, this::redraw);
        redraw();
    }

    @Override
    public Node node() {
        return canvas;
    }

    @Override
    public void show(Snapshot s) {
        Key key = new Key(s.run().id(), s.run().history().updates(), s.position().iteration(), s.sequence().row());
        if (key.equals(answers.wanted())) {
            return;
        }
        double[][] in = s.sequence().inputs();
        double[] inputs = new double[in.length];
        for (int t = 0; t < in.length; t++) {
            inputs[t] = in[t][0];
        }
        answers.want(key, () -> engine.apply(inputs));
    }

    /** The forecast drawn now, or null. */
    public SeriesForecast forecast() {
        return shown;
    }

    /** The figure painted last. */
    public ForecastFigure figure() {
        return figure;
    }

    private void redraw() {
        double w = canvas.canvas().getWidth();
        double h = canvas.canvas().getHeight();
        figure = shown == null
                ? ForecastFigure.waiting(problem != null ? "No forecast: " + problem : "Forecasting from the window shown…",
                        w, h, style.fontSize(), style.palette())
                : ForecastFigure.of(shown, w, h, style.fontSize(), FxTextMetrics.INSTANCE, style.palette());
        canvas.paint(figure, style.palette().backgroundArgb());
    }
}

package org.rnnlab.ui.shell;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TextGeneration;
import org.rnnlab.ui.chart.ViewStyle;

/**
 * The text task's generation panel: a prompt the teacher types, a temperature (slider and field,
 * {@value TextGeneration#MIN_TEMPERATURE}–{@value TextGeneration#MAX_TEMPERATURE}, a bad value
 * refused in one line beside it), Generate, and the text in large type, the prompt first. The
 * text is the engine's ({@link TextGeneration}, from the current weights, on the engine thread);
 * the panel sends the request and shows the answer when it arrives. It keeps only the passage
 * shown, for the run that asked. FX thread.
 */
final class GenerationPanel {
    /** Characters generated after the prompt: a few lines at the panel's size. */
    static final int LENGTH = 240;
    static final double DEFAULT_TEMPERATURE = 0.8;

    private final Function<TextGeneration.Request, CompletableFuture<TextGeneration.Passage>> engine;
    private final Executor fx;
    private final Runnable keysBack;
    private final ViewStyle style;
    private final TextField prompt = new TextField("ROMEO:");
    private final Slider slider = new Slider(TextGeneration.MIN_TEMPERATURE, TextGeneration.MAX_TEMPERATURE,
            DEFAULT_TEMPERATURE);
    private final TextField temperature = new TextField();
    private final Label temperatureError = new Label();
    private final Button generate = new Button("Generate");
    private final Text promptText = new Text();
    private final Text continuation = new Text();
    private final TextFlow output = new TextFlow(promptText, continuation);
    private final Label info = new Label("Type a prompt and press Generate: the model writes on from it.");
    private final VBox root;
    private long run = -1;
    private double value = DEFAULT_TEMPERATURE;

    GenerationPanel(Function<TextGeneration.Request, CompletableFuture<TextGeneration.Passage>> engine, Executor fx,
                    ViewStyle style, Runnable keysBack) {
        this.engine = engine;
        this.fx = fx;
        this.style = style;
        this.keysBack = keysBack;
        prompt.setId("prompt");
        prompt.setPrefColumnCount(24);
        prompt.setOnAction(e -> generate());
        slider.setId("temperatureSlider");
        slider.setFocusTraversable(false);
        slider.setPrefWidth(180);
        temperature.setId("temperature");
        temperature.setPrefColumnCount(4);
        temperature.setText(format(value));
        temperature.setOnAction(e -> readTemperature());
        temperature.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                readTemperature();
            }
        });
        slider.valueProperty().addListener((o, a, v) -> {
            value = Math.round(v.doubleValue() * 100) / 100.0;
            temperature.setText(format(value));
            showTemperatureError(null);
        });
        temperatureError.setId("temperature-error");
        temperatureError.getStyleClass().add("field-error");
        generate.setId("generate");
        generate.setOnAction(e -> {
            generate();
            keysBack.run();
        });
        Label promptLabel = new Label("Prompt");
        Label tLabel = new Label("temperature τ");
        HBox controls = new HBox(8, promptLabel, prompt, tLabel, slider, temperature, temperatureError, generate);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(prompt, Priority.SOMETIMES);
        output.setId("generated");
        output.setLineSpacing(2);
        info.setId("generation-info");
        info.getStyleClass().add("generation-info");
        root = new VBox(6, controls, output, info);
        root.setId("generationPanel");
        root.getStyleClass().add("generation-panel");
        root.setPadding(new Insets(6, 10, 6, 10));
        KeyDispatch.takeKeysOnClick(output);
        style.fontSizeProperty().addListener(o -> applyFont());
        style.paletteProperty().addListener(o -> applyFont());
        applyFont();
    }

    Node node() {
        return root;
    }

    /** A new snapshot: a new run clears the passage of the run before. */
    void show(Snapshot s) {
        if (s.run().id() != run) {
            run = s.run().id();
            promptText.setText("");
            continuation.setText("");
            info.setText("Type a prompt and press Generate: the model writes on from it, with the weights it has now.");
        }
    }

    /** Sends the request (unless the temperature is refused); the answer replaces the text when it comes. */
    void generate() {
        if (!readTemperature()) {
            return;
        }
        long asking = run;
        TextGeneration.Request r = new TextGeneration.Request(prompt.getText(), value, LENGTH);
        generate.setDisable(true);
        info.getStyleClass().remove("field-error");
        info.setText("Generating at τ " + format(value) + "…");
        engine.apply(r).whenComplete((p, e) -> fx.execute(() -> {
            generate.setDisable(false);
            if (asking != run) {
                return;
            }
            if (e != null) {
                Throwable c = e.getCause() != null ? e.getCause() : e;
                info.setText("Not generated: " + c.getMessage());
                info.getStyleClass().add("field-error");
                return;
            }
            promptText.setText(visible(p.prompt()));
            continuation.setText(visible(p.continuation()));
            info.setText(String.format(Locale.ROOT, "τ %s · weights after %d update%s · seed %d · %d characters after the "
                    + "prompt", format(p.temperature()), p.updates(), p.updates() == 1 ? "" : "s", p.seed(),
                    p.continuation().length()));
        }));
    }

    /** Reads the field: a temperature in range moves the slider, another is refused beside it. */
    private boolean readTemperature() {
        String text = temperature.getText().strip();
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= TextGeneration.MIN_TEMPERATURE && v <= TextGeneration.MAX_TEMPERATURE)) {
            showTemperatureError("temperature must be a number in " + format(TextGeneration.MIN_TEMPERATURE) + ".."
                    + format(TextGeneration.MAX_TEMPERATURE) + ", was '" + text + "'");
            return false;
        }
        value = v;
        showTemperatureError(null);
        slider.setValue(v);
        temperature.setText(format(v));
        return true;
    }

    private void showTemperatureError(String message) {
        temperatureError.setText(message == null ? "" : message);
        temperatureError.setVisible(message != null);
        temperature.getStyleClass().remove(KeyDispatch.INVALID);
        if (message != null) {
            temperature.getStyleClass().add(KeyDispatch.INVALID);
        }
    }

    /** Newlines shown as ⏎ so that the passage flows as one paragraph. */
    static String visible(String s) {
        return s.replace("\r", "").replace("\n", "⏎ ");
    }

    static String format(double t) {
        return String.format(Locale.ROOT, "%.2f", t);
    }

    private void applyFont() {
        double size = Math.round(style.fontSize() * 1.75);
        promptText.setFont(Font.font("DejaVu Sans Mono", FontWeight.BOLD, size));
        continuation.setFont(Font.font("DejaVu Sans Mono", FontWeight.NORMAL, size));
        promptText.setFill(style.palette().series(0));
        continuation.setFill(style.palette().foreground());
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", style.fontSize()));
    }
}

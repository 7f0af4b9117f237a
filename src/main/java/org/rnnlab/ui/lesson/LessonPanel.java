package org.rnnlab.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rnnlab.lesson.LessonPlayer;
import org.rnnlab.lesson.LessonText;
import org.rnnlab.lesson.Prediction;

/**
 * The lesson as the class sees it: the step's text in large type, the question and its choices
 * at a "predict, then reveal" pause, the answer and explanation once revealed, and Back / Reveal /
 * Next buttons. Readable from the back of a room (nothing below 18 px), every control reachable by
 * keyboard (Tab, Space; Alt+B/R/N; A–D or 1–4 choose an answer), and PageDown / PageUp as a
 * presenter clicker: PageDown reveals a waiting answer, else goes on; PageUp goes back.
 *
 * <p>FX thread only. It shows a {@link LessonPlayer} and calls it; the player sends the lesson's
 * actions to its host, which queues engine work on the engine thread. Node ids for styling and
 * tests: {@code lesson-title}, {@code lesson-progress}, {@code lesson-text}, {@code lesson-question},
 * {@code lesson-choice-0..3}, {@code lesson-hint}, {@code lesson-answer}, {@code lesson-explanation},
 * {@code lesson-error}, {@code lesson-back}, {@code lesson-reveal}, {@code lesson-next}.
 */
public final class LessonPanel extends VBox {
    /** Okabe–Ito blue and vermillion: told apart by colour-blind viewers, and marked ✓ / ✗ as well. */
    private static final String CORRECT_BORDER = "#0072B2";
    private static final String WRONG_BORDER = "#D55E00";

    private final Label title = label("lesson-title", 18, true);
    private final Label progress = label("lesson-progress", 18, false);
    private final Label text = label("lesson-text", 26, false);
    private final Label question = label("lesson-question", 26, true);
    private final VBox choices = new VBox(8);
    private final Label hint = label("lesson-hint", 20, false);
    private final Label answer = label("lesson-answer", 22, true);
    private final Label explanation = label("lesson-explanation", 22, false);
    private final Label error = label("lesson-error", 18, false);
    private final VBox questionBox = new VBox(10, question, choices, hint, answer, explanation);
    private final Button back = button("lesson-back", "_Back", "Previous step (Page Up)");
    private final Button reveal = button("lesson-reveal", "_Reveal", "Show the answer, then run the step (Page Down)");
    private final Button next = button("lesson-next", "_Next", "Next step (Page Down)");
    private final List<ToggleButton> choiceButtons = new ArrayList<>();
    private final Runnable listener = this::refresh;

    private LessonPlayer player;
    private int shownStep = -1;

    /** An empty panel; {@link #show(LessonPlayer)} gives it a lesson. */
    public LessonPanel() {
        getStyleClass().add("lesson-panel");
        setId("lesson-panel");
        setSpacing(16);
        setPadding(new Insets(20));
        setFillWidth(true);
        setMinWidth(320);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        progress.setMinWidth(Region.USE_PREF_SIZE); // "Step 4 of 5" on one line however long the title
        progress.setWrapText(false);
        HBox header = new HBox(12, title, spacer, progress);
        header.setAlignment(Pos.BASELINE_LEFT);
        title.setWrapText(true);

        questionBox.getStyleClass().add("lesson-question-box");
        hint.setText("Discuss, then reveal.");
        VBox content = new VBox(16, text, questionBox, error);
        content.setFillWidth(true);
        content.setPadding(new Insets(0, 8, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("lesson-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox buttons = new HBox(12, back, reveal, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(header, scroll, buttons);
        for (var n : List.of(questionBox, hint, answer, explanation, error, reveal)) {
            n.managedProperty().bind(n.visibleProperty());
        }

        back.setOnAction(e -> {
            if (player != null) {
                player.back();
            }
        });
        reveal.setOnAction(e -> {
            if (player != null) {
                player.reveal();
            }
        });
        next.setOnAction(e -> {
            if (player != null) {
                player.next();
            }
        });
        // a filter, so the scroll pane's own Page Up/Down scrolling never swallows the clicker
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        refresh();
    }

    /** A panel showing {@code player} (started if it was not). */
    public LessonPanel(LessonPlayer player) {
        this();
        show(player);
    }

    /** Shows another player (starting it if needed), or none. */
    public void show(LessonPlayer p) {
        if (player != null) {
            player.removeListener(listener);
        }
        player = p;
        shownStep = -1;
        if (p != null) {
            p.addListener(listener);
            if (!p.isStarted()) {
                p.start();
            }
        }
        refresh();
    }

    public LessonPlayer player() {
        return player;
    }

    /**
     * The presenter clicker: PageDown reveals or goes on, PageUp goes back. For the window to add
     * to its scene as an event filter while a lesson is open, so the clicker works wherever the
     * focus is; the panel handles the same keys itself when it has the focus.
     */
    public EventHandler<KeyEvent> presenterKeys() {
        return e -> {
            if (player == null || e.getEventType() != KeyEvent.KEY_PRESSED) {
                return;
            }
            if (e.getCode() == KeyCode.PAGE_DOWN) {
                player.advance();
                e.consume();
            } else if (e.getCode() == KeyCode.PAGE_UP) {
                player.back();
                e.consume();
            }
        };
    }

    private void onKey(KeyEvent e) {
        if (player == null || !player.isStarted()) {
            return;
        }
        presenterKeys().handle(e);
        if (e.isConsumed() || !player.isAwaitingReveal()) {
            return;
        }
        int choice = choiceFor(e.getCode());
        if (choice >= 0 && choice < choiceButtons.size()) {
            player.choose(choice);
            e.consume();
        }
    }

    private static int choiceFor(KeyCode code) {
        return switch (code) {
            case A, DIGIT1, NUMPAD1 -> 0;
            case B, DIGIT2, NUMPAD2 -> 1;
            case C, DIGIT3, NUMPAD3 -> 2;
            case D, DIGIT4, NUMPAD4 -> 3;
            default -> -1;
        };
    }

    private void refresh() {
        if (player == null || !player.isStarted()) {
            title.setText("No lesson");
            progress.setText("");
            text.setText("Choose a lesson to begin.");
            questionBox.setVisible(false);
            error.setVisible(false);
            reveal.setVisible(false);
            back.setDisable(true);
            next.setDisable(true);
            return;
        }
        title.setText(player.lesson().title());
        progress.setText(player.progressText());
        text.setText(LessonText.display(player.text()));
        Prediction p = player.prediction().orElse(null);
        questionBox.setVisible(p != null);
        if (p != null) {
            if (shownStep != player.index()) {
                buildChoices(p);
            }
            question.setText(LessonText.display(p.question()));
            boolean revealed = player.isRevealed();
            hint.setVisible(p.isFreeAnswer() && !revealed);
            answer.setVisible(revealed && !p.isFreeAnswer());
            answer.setText(p.isFreeAnswer() ? "" : "Answer: " + Prediction.letter(p.answer()) + ", "
                    + LessonText.display(p.correctChoice()));
            explanation.setVisible(revealed);
            explanation.setText(LessonText.display(p.explanation()));
            for (int i = 0; i < choiceButtons.size(); i++) {
                markChoice(choiceButtons.get(i), p, i, revealed);
            }
        }
        shownStep = player.index();
        String err = player.hostError();
        error.setVisible(err != null);
        error.setText(err == null ? "" : "The window could not do this step: " + err);
        reveal.setVisible(p != null);
        reveal.setDisable(!player.canReveal());
        next.setDisable(!player.canNext());
        back.setDisable(!player.canBack());
    }

    private void buildChoices(Prediction p) {
        choices.getChildren().clear();
        choiceButtons.clear();
        for (int i = 0; i < p.choices().size(); i++) {
            int index = i;
            ToggleButton b = new ToggleButton();
            b.setId("lesson-choice-" + i);
            b.getStyleClass().add("lesson-choice");
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setMnemonicParsing(false);
            b.setTooltip(new Tooltip("Choose " + Prediction.letter(i) + " (key " + Prediction.letter(i) + " or " + (i + 1) + ")"));
            b.setOnAction(e -> {
                if (player != null && !player.choose(index)) {
                    refresh();
                }
            });
            choiceButtons.add(b);
            choices.getChildren().add(b);
        }
    }

    private void markChoice(ToggleButton b, Prediction p, int i, boolean revealed) {
        boolean chosen = player.guess() == i;
        b.setSelected(chosen);
        b.setDisable(revealed);
        String mark = "";
        String border = chosen && !revealed ? "-fx-accent" : "transparent";
        b.getStyleClass().removeAll("lesson-correct", "lesson-wrong");
        if (revealed && i == p.answer()) {
            mark = "\u2713 ";
            border = CORRECT_BORDER;
            b.getStyleClass().add("lesson-correct");
        } else if (revealed && chosen) {
            mark = "\u2717 ";
            border = WRONG_BORDER;
            b.getStyleClass().add("lesson-wrong");
        }
        b.setText(mark + Prediction.letter(i) + "   " + LessonText.display(p.choices().get(i)));
        b.setStyle("-fx-font-size: 22px; -fx-border-width: 3px; -fx-border-color: " + border + "; -fx-opacity: 1;");
    }

    private static Label label(String id, int px, boolean bold) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setStyle("-fx-font-size: " + px + "px;" + (bold ? " -fx-font-weight: bold;" : ""));
        return l;
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setTooltip(new Tooltip(tip));
        b.setStyle("-fx-font-size: 20px;");
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}

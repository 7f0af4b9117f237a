package org.rnnlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rnnlab.lesson.Lesson;
import org.rnnlab.lesson.LessonCatalog;
import org.rnnlab.lesson.LessonHost;
import org.rnnlab.lesson.LessonPlayer;
import org.rnnlab.io.LessonPosition;
import org.rnnlab.lesson.Prediction;
import org.rnnlab.ui.controls.Icons;
import org.rnnlab.ui.lesson.LessonPanel;

/**
 * The guided lessons in the window: the "Lessons" menu (every lesson of the catalog by title, and
 * the files that could not be read, reported, never fatal), the {@link LessonPanel} docked on the
 * right while a lesson is open, and the presenter clicker's keys. One {@link LessonPlayer} at a
 * time plays the chosen lesson through a {@link LessonHost} over the engine thread. FX thread.
 */
public final class LessonDock implements LessonSession {
    /** Width of the docked panel: about 30 characters of the panel's 26 px text per line. */
    static final double WIDTH = 520;

    private final LessonHost host;
    private final Consumer<Node> place;
    private final MenuButton menu = new MenuButton("Lessons", Icons.lesson());
    private final LessonPanel panel = new LessonPanel();
    private final VBox dock;
    /** Null until the lessons are read (on a thread of their own, after the first frame). */
    private LessonCatalog catalog;
    private final Supplier<LessonCatalog> source;
    private CompletableFuture<LessonCatalog> reading;
    private LessonPlayer player;
    private ContextMenu floating;

    /**
     * @param catalog reads the lessons to offer: called once, off the FX thread, from
     *                {@link #startReading()} (after the first frame: the first window needs none of
     *                them) or when they are first needed; the menu is filled when they are read
     *                (or, if it is opened sooner, then)
     * @param host    what lessons act on
     * @param place   puts the dock in the window (or removes it, given null)
     */
    LessonDock(Supplier<LessonCatalog> catalog, LessonHost host, Consumer<Node> place) {
        this.host = Objects.requireNonNull(host);
        this.place = Objects.requireNonNull(place);
        menu.setId("lessonMenu");
        menu.getStyleClass().addAll("lesson-menu", "transport-button");
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        menu.setTooltip(new Tooltip("Guided lessons: choose one to open it on the right (L)"));
        Button close = new Button("Close lesson");
        close.setId("lesson-close");
        close.getStyleClass().add("lesson-close");
        close.setTooltip(new Tooltip("Close the lesson; the run stays as it is (L, then Close)"));
        close.setOnAction(e -> close());
        HBox top = new HBox(close);
        top.setAlignment(Pos.CENTER_RIGHT);
        top.setPadding(new Insets(8, 12, 0, 12));
        VBox.setVgrow(panel, Priority.ALWAYS);
        dock = new VBox(top, panel);
        dock.setId("lessonDock");
        dock.getStyleClass().add("lesson-dock");
        dock.setPrefWidth(WIDTH);
        dock.setMinWidth(WIDTH);
        dock.setMaxWidth(WIDTH);
        source = Objects.requireNonNull(catalog);
        menu.setOnShowing(e -> catalog());
    }

    /** Starts reading the lessons on a thread of their own, once. FX thread. */
    void startReading() {
        if (reading != null) {
            return;
        }
        reading = CompletableFuture.supplyAsync(source)
                .exceptionally(t -> new LessonCatalog(List.of(), List.of("the lessons could not be read: " + t)));
        reading.thenAcceptAsync(c -> {
            if (this.catalog == null) {
                setCatalog(c);
            }
        }, Platform::runLater);
    }

    /** Offers another catalog (tests use one with broken files). */
    void setCatalog(LessonCatalog c) {
        catalog = Objects.requireNonNull(c);
        menu.getItems().setAll(items());
    }

    /** The lessons offered (waits for them to be read, the first time, if they are not yet). */
    LessonCatalog catalog() {
        if (catalog == null) {
            startReading();
            setCatalog(reading.join());
        }
        return catalog;
    }

    MenuButton menu() {
        return menu;
    }

    LessonPanel panel() {
        return panel;
    }

    /** The open lesson's player, or null. */
    public LessonPlayer player() {
        return player;
    }

    boolean isOpen() {
        return player != null;
    }

    /** How many answers the question on screen offers while it waits for the reveal; 0 otherwise. */
    int choicesWaiting() {
        if (player == null || !player.isAwaitingReveal()) {
            return 0;
        }
        return player.prediction().map(Prediction::choices).map(List::size).orElse(0);
    }

    /** Opens a lesson from its start: the run is reset to the lesson's settings. */
    void open(Lesson lesson) {
        LessonPlayer p = new LessonPlayer(lesson, host);
        p.start();
        show(p);
    }

    private void show(LessonPlayer p) {
        player = p;
        panel.show(p);
        place.accept(dock);
    }

    /** Closes the lesson; the run stays as it is. */
    void close() {
        player = null;
        panel.show(null);
        place.accept(null);
    }

    /** The clicker's Page Down: reveals a waiting answer, else the next step. */
    public boolean advance() {
        return player != null && player.advance();
    }

    /** The clicker's Page Up. */
    boolean back() {
        return player != null && player.back();
    }

    boolean choose(int choice) {
        return player != null && choicesWaiting() > choice && player.choose(choice);
    }

    /**
     * Shows the lesson menu: the toolbar's menu when it is on screen, else a pop-up menu at
     * {@code anchor} (presenter mode hides the toolbar).
     */
    void showMenu(Node anchor) {
        if (menu.getScene() != null && menu.isVisible() && menu.getParent() != null && menu.getParent().isVisible()) {
            menu.requestFocus();
            menu.show();
            return;
        }
        if (floating != null) {
            floating.hide();
        }
        floating = new ContextMenu();
        floating.setId("lessonPopup");
        floating.getItems().setAll(items());
        floating.show(anchor, Side.BOTTOM, 16, 0);
    }

    private List<MenuItem> items() {
        List<MenuItem> out = new ArrayList<>();
        for (Lesson l : catalog().lessons()) {
            Label text = new Label((out.size() + 1) + ".  " + l.title());
            text.getStyleClass().add("lesson-menu-title");
            Tooltip.install(text, new Tooltip(l.summary()));
            CustomMenuItem item = new CustomMenuItem(text);
            item.setId("lesson-" + l.id());
            item.setOnAction(e -> open(l));
            out.add(item);
        }
        if (out.isEmpty()) {
            MenuItem none = new MenuItem("No lessons could be read");
            none.setDisable(true);
            out.add(none);
        }
        if (!catalog.problems().isEmpty()) {
            out.add(new SeparatorMenuItem());
            int n = catalog.problems().size();
            MenuItem problems = new MenuItem("⚠ " + n + " lesson file" + (n == 1 ? "" : "s") + " could not be read…");
            problems.setId("lesson-problems");
            problems.setOnAction(e -> showProblems());
            out.add(problems);
        }
        out.add(new SeparatorMenuItem());
        MenuItem restart = new MenuItem("Restart this lesson");
        restart.setId("lesson-restart");
        restart.setOnAction(e -> {
            if (player != null) {
                open(player.lesson());
            }
        });
        MenuItem close = new MenuItem("Close lesson");
        close.setId("lesson-close-item");
        close.setOnAction(e -> close());
        out.add(restart);
        out.add(close);
        return out;
    }

    private void showProblems() {
        Alert a = new Alert(Alert.AlertType.WARNING);
        a.setTitle("Lessons");
        a.setHeaderText("These lesson files could not be read; the other lessons are offered as usual.");
        a.setContentText(String.join("\n\n", catalog.problems()));
        if (menu.getScene() != null) {
            a.initOwner(menu.getScene().getWindow());
        }
        a.show();
    }

    // ---- LessonSession ----

    @Override
    public Optional<LessonPosition> position() {
        return player == null || !player.isStarted() ? Optional.empty()
                : Optional.of(new LessonPosition(player.lesson().id(), player.index()));
    }

    @Override
    public void restorePosition(String lessonId, int step) {
        if (lessonId == null) {
            close();
            return;
        }
        Lesson lesson = catalog().find(lessonId).orElseThrow(() -> new IllegalArgumentException(
                "lesson id must be one of " + catalog.ids() + ", was '" + lessonId + "'"));
        if (step < 0 || step >= lesson.stepCount()) {
            throw new IllegalArgumentException("lesson step must be in 0.." + (lesson.stepCount() - 1)
                    + " for lesson '" + lessonId + "', was " + step);
        }
        LessonPlayer p = new LessonPlayer(lesson, host);
        p.restore(lessonId, step, LessonPlayer.Restore.VIEWS_ONLY);
        show(p);
    }
}

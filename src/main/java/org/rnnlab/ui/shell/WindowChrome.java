package org.rnnlab.ui.shell;

import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.rnnlab.ui.chart.ViewStyle;

/**
 * The window's layout, derived from the {@link WindowModel} whenever it changes: the menus always
 * on top (hidden, with their keys still working, in presenter mode), the toolbar or the presenter
 * strip under them, the settings on the left when shown, the views or compare mode in the middle,
 * the lesson dock on the right, "train N" and the status line at the bottom; the theme and
 * presenter look on every part; the views' font size and one- or two-column grid from the
 * window's size. It keeps no flags of its own. FX thread.
 *
 * <pre>
 *   stack ─ outer: top menus │ center: layout (or compare mode) │ right: lesson dock
 *         └ keyboard help     layout: top toolbar or strip │ left settings │ center views │ bottom
 * </pre>
 */
final class WindowChrome {
    /** Below this window height (720p) the views' title bars slim down and the views draw at 14 px, the smallest size. */
    static final double SHORT_HEIGHT = 800;
    /** The views' presenter base size at 1080p: the smallest text drawn (0.9 of it) is 18 px. */
    static final double PRESENTER_FONT = 20;

    /**
     * The parts of the window that the chrome places; the strip, the settings and the help are
     * built when first placed (the first frame shows none of them).
     */
    record Parts(StackPane stack, BorderPane outer, BorderPane layout, Node menus, TransportBar transport,
                 Lazy<PresenterStrip> strip, Lazy<? extends Node> settings, ViewGrid grid,
                 java.util.List<ViewPanel> panels, TrainBar trainBar, HBox statusBar, Lazy<KeyboardHelp> help,
                 ViewStyle style) {
    }

    private final WindowModel model;
    private final Parts p;
    private final java.util.function.Supplier<Node> compareNode;
    private final java.util.function.BooleanSupplier lessonOpen;
    private double width = Double.NaN;
    private double height = Double.NaN;

    WindowChrome(WindowModel model, Parts parts, java.util.function.Supplier<Node> compareNode,
                 java.util.function.BooleanSupplier lessonOpen) {
        this.model = model;
        this.p = parts;
        this.compareNode = compareNode;
        this.lessonOpen = lessonOpen;
        p.layout().setTop(p.transport().node());
        p.outer().setTop(p.menus());
        p.outer().setCenter(p.layout());
        model.presenterProperty().addListener(this::layoutChanged);
        model.settingsShownProperty().addListener(this::layoutChanged);
        model.compareOpenProperty().addListener(this::layoutChanged);
        model.themeProperty().addListener(o -> applyLook());
        model.helpShownProperty().addListener(o -> applyHelp());
        applyLayout();
        applyLook();
        applyHelp();
    }

    private void layoutChanged(Observable o) {
        applyLayout();
        applyLook();
    }

    private void applyLayout() {
        boolean presenter = model.presenter();
        p.menus().setVisible(!presenter);
        p.menus().setManaged(!presenter);
        p.layout().setTop(presenter ? p.strip().get() : p.transport().node());
        p.layout().setLeft(model.settingsShown() ? p.settings().get() : null);
        p.transport().controlsToggle().setSelected(model.settingsShown());
        p.trainBar().setMinimal(presenter);
        p.statusBar().setVisible(!presenter);
        p.statusBar().setManaged(!presenter);
        Node compare = model.compareOpen() ? compareNode.get() : null;
        p.outer().setCenter(compare != null ? compare : p.layout());
        refit();
    }

    private void applyLook() {
        boolean presenter = model.presenter();
        Theme theme = model.theme();
        p.stack().getStyleClass().removeAll(Theme.LIGHT.styleClass(), Theme.DARK.styleClass(), "presenter");
        p.stack().getStyleClass().add(theme.styleClass());
        if (presenter) {
            p.stack().getStyleClass().add("presenter");
        }
        p.style().setPalette(theme.palette(presenter));
        p.trainBar().scrubber().setLook(theme == Theme.DARK, presenter);
        p.transport().showLook(theme, presenter);
    }

    private void applyHelp() {
        if (!model.helpShown() && !p.help().isBuilt()) {
            return;
        }
        KeyboardHelp help = p.help().get();
        if (help.getParent() == null) {
            p.stack().getChildren().add(help);
        }
        help.setVisible(model.helpShown());
        if (model.helpShown()) {
            help.toFront();
        }
    }

    /** The window's size changed (or something that takes width from the views opened or closed). */
    void fit(double sceneWidth, double sceneHeight) {
        width = sceneWidth;
        height = sceneHeight;
        refit();
    }

    /** Lays the views out again for the current size: after the settings or the lesson dock change. */
    void refit() {
        if (!Double.isNaN(width)) {
            // the lesson dock takes its width from the toolbar as well as from the views
            double dock = lessonOpen.getAsBoolean() ? LessonDock.WIDTH : 0;
            p.transport().setCompact(width - dock < TransportBar.COMPACT_WIDTH);
            double views = width - (model.settingsShown() ? ControlsPanel.WIDTH : 0) - dock;
            p.grid().setCompact(views < ViewGrid.WIDE_MIN);
        }
        if (!Double.isNaN(height)) {
            boolean small = height < SHORT_HEIGHT;
            for (ViewPanel panel : p.panels()) {
                panel.setTitleCompact(small);
            }
            double font = viewFont(height, model.presenter());
            if (p.style().fontSize() != font) {
                p.style().setFontSize(font);
            }
        }
    }

    /** Full screen on or off for the window that shows {@code node}. */
    static void toggleFullScreen(Node node) {
        if (node.getScene() != null && node.getScene().getWindow() instanceof javafx.stage.Stage s) {
            s.setFullScreen(!s.isFullScreen());
        }
    }

    /**
     * The views' base font size: 16 px, 14 px below 800 px of height; in presenter mode 20 px at
     * 1080p and above, 18 px from 800 px, 16 px below.
     */
    static double viewFont(double height, boolean presenter) {
        boolean small = height < SHORT_HEIGHT;
        if (presenter) {
            return height >= 1000 ? PRESENTER_FONT : small ? ViewStyle.DEFAULT_FONT : 18;
        }
        return small ? ViewStyle.MIN_FONT : ViewStyle.DEFAULT_FONT;
    }
}

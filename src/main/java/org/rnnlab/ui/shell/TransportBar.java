package org.rnnlab.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.controls.Icons;
import org.rnnlab.ui.controls.ToolbarButtons;
import org.rnnlab.ui.controls.ToolbarRows;
import org.rnnlab.ui.controls.TransportControls;
import org.rnnlab.ui.model.Numbers;

/**
 * The toolbar: the settings toggle, the transport ({@link TransportControls}: reset, step back,
 * play/pause, step forward, jump to the backward phase, the speed, the phase indicator, the
 * iteration, as compare mode's toolbar has), the loss, and the window's own buttons.
 */
final class TransportBar {
    private static final TransportControls.Words WORDS = new TransportControls.Words("",
            "Rebuild the model from the seed and start again (Home)", "Step back one tick (← or Page Up)",
            "Play / pause (Space)", "Step forward one tick (→ or Page Down)",
            "Finish the forward pass and the loss, and show the first backward tick (B)",
            "Where the iteration is: forward ticks, the loss, backward ticks, the update");

    private final ToolbarRows root = new ToolbarRows(6, 6);
    private final TransportControls transport;
    private final Label speedTitle = new Label("Speed");
    private final Label loss = new Label("loss —");
    private final ToggleButton controls = new ToggleButton("Settings", Icons.panel());
    private final Button compare = ToolbarButtons.button("compare", "Compare", Icons.compare(),
            "RNN, LSTM and GRU side by side on these settings, stepping together (C)");
    private final Button fullScreen = ToolbarButtons.button("fullScreen", "", Icons.fullScreen(), "Full screen on / off (F11)");
    private final javafx.scene.control.MenuButton view = new javafx.scene.control.MenuButton("View", Icons.theme());
    private final javafx.scene.control.CheckMenuItem dark = new javafx.scene.control.CheckMenuItem("Dark theme  (T)");
    private final javafx.scene.control.CheckMenuItem present = new javafx.scene.control.CheckMenuItem(
            "Presenter mode: large type, controls hidden  (P)");
    private final Region grow = new Region();
    private final LayerChooser layers;

    TransportBar(ShellCommands commands, org.rnnlab.ui.view.UnitSelection selection) {
        transport = new TransportControls(commands, WORDS);
        layers = new LayerChooser(selection);
        fullScreen.setOnAction(e -> commands.toggleFullScreen());
        compare.setOnAction(e -> commands.openCompare());
        dark.setId("menu-dark");
        dark.setOnAction(e -> commands.toggleTheme());
        present.setId("menu-presenter");
        present.setOnAction(e -> commands.togglePresenter());
        javafx.scene.control.MenuItem full = new javafx.scene.control.MenuItem("Full screen  (F11)");
        full.setId("menu-fullscreen");
        full.setOnAction(e -> commands.toggleFullScreen());
        javafx.scene.control.MenuItem keys = new javafx.scene.control.MenuItem("Keyboard and clicker help  (F1)");
        keys.setId("menu-help");
        keys.setOnAction(e -> commands.toggleHelp());
        view.getItems().addAll(dark, present, full, new javafx.scene.control.SeparatorMenuItem(), keys);
        view.setId("viewMenu");
        // icon only, so that the toolbar keeps its words at 1920 px (the tooltip and the items name it)
        view.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        view.getStyleClass().add("transport-button");
        view.setMinWidth(Region.USE_PREF_SIZE);
        view.setTooltip(new Tooltip("Theme, presenter mode, full screen, keyboard help"));
        fullScreen.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);

        transport.speed().setPrefWidth(150);
        transport.speedLabel().setPrefWidth(125);
        loss.setId("loss");
        loss.getStyleClass().add("loss-label");
        loss.setTooltip(new Tooltip("The batch loss of this iteration (known from the loss phase on)"));
        loss.setMinWidth(Region.USE_PREF_SIZE);

        controls.setId("toggleControls");
        controls.setMinWidth(Region.USE_PREF_SIZE);
        controls.setSelected(false);
        controls.setTooltip(new Tooltip("Show or hide the settings: cell, task, initialisation, training, seed (S)"));
        controls.setOnAction(e -> commands.toggleControls());

        speedTitle.setMinWidth(Region.USE_PREF_SIZE);
        root.setSpring(grow);
        root.getChildren().addAll(controls, ToolbarButtons.separator());
        root.getChildren().addAll(transport.buttons());
        root.getChildren().addAll(ToolbarButtons.separator(), speedTitle, transport.speed(), transport.speedLabel(),
                ToolbarButtons.separator(), transport.phase(), layers.node(), loss, grow, compare, transport.iteration(), view,
                fullScreen);
        root.setPadding(new Insets(8, 12, 8, 12));
        root.getStyleClass().add("transport-bar");
        root.setId("transportBar");
        // words that do not fit in one row (long numbers, a deep model's phase): icons only instead
        root.wrappedProperty().addListener((o, was, now) -> {
            if (now && !compact) {
                javafx.application.Platform.runLater(() -> setCompact(true));
            }
        });
    }

    private boolean compact;

    Node node() {
        return root;
    }

    /** Adds controls (lessons, compare) on the right of the toolbar, before the iteration. */
    void addTools(Node... tools) {
        root.getChildren().addAll(root.getChildren().indexOf(grow) + 1, java.util.List.of(tools));
        for (Node n : tools) {
            if (n instanceof javafx.scene.control.ButtonBase b) {
                this.tools.add(b);
            }
        }
    }

    private final java.util.List<javafx.scene.control.ButtonBase> tools = new java.util.ArrayList<>();

    /** The View menu's check marks follow the window. */
    void showLook(Theme t, boolean presenter) {
        dark.setSelected(t == Theme.DARK);
        present.setSelected(presenter);
    }

    /**
     * Below this window width the transport buttons and menus show their icons only (tooltips name
     * them): the full toolbar needs about 1890 px at 16 px type, the icons-only one about 1420.
     */
    static final double COMPACT_WIDTH = 1900;

    /** Icons only, for narrow windows. */
    void setCompact(boolean compact) {
        this.compact = compact;
        ContentDisplay d = compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
        transport.setCompact(compact);
        transport.speed().setPrefWidth(compact ? 110 : 150);
        // narrow windows: the speed's words and the phase take the width they need, no more
        transport.speedLabel().setPrefWidth(compact ? Region.USE_COMPUTED_SIZE : 125);
        transport.phase().getStyleClass().remove("compact");
        if (compact) {
            transport.phase().getStyleClass().add("compact");
        }
        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {controls, compare}) {
            b.setContentDisplay(d);
        }
        for (javafx.scene.control.ButtonBase b : tools) {
            b.setContentDisplay(d);
        }
        speedTitle.setVisible(!compact);
        speedTitle.setManaged(!compact);
    }

    /** The layer and direction choice of a stacked or bidirectional run. */
    LayerChooser layers() {
        return layers;
    }

    ToggleButton controlsToggle() {
        return controls;
    }

    Slider speedSlider() {
        return transport.speed();
    }

    void show(Snapshot s) {
        transport.show(s.position().phase(), s.phaseText(), s.position().iteration());
        layers.show(s);
        loss.setText(lossText(s));
    }

    /** "loss —" before the loss phase, else "loss 0.1532". */
    static String lossText(Snapshot s) {
        return s.position().cursor() < s.position().steps() ? "loss —" : "loss " + Numbers.format(s.status().loss());
    }

    void showPlaying(boolean playing, boolean training) {
        transport.showPlaying(playing, training);
        compare.setDisable(training);
    }
}

package org.rnnlab.ui.controls;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** The buttons and separators of the window's toolbars (the transport bar, compare mode's bar). */
public final class ToolbarButtons {
    private ToolbarButtons() {}

    /** A toolbar button with an icon, its words, a tooltip, never narrower than its words. */
    public static Button button(String id, String text, Node icon, String tip) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.getStyleClass().add("transport-button");
        return b;
    }

    /** A vertical separator between groups of controls. */
    public static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}

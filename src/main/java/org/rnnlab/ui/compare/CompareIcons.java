package org.rnnlab.ui.compare;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Compare mode's button icons as vector paths, 18 px tall, styled like the window's (".icon"). */
public final class CompareIcons {
    private CompareIcons() {}

    /** Three columns of different heights: the toolbar's "Compare" button. */
    public static Node compare() {
        return path("M1 6 H5 V17 H1 Z M7 1 H11 V17 H7 Z M13 9 H17 V17 H13 Z");
    }

    static Node back() {
        return path("M8 2 L1 9 L8 16 V11 H17 V7 H8 Z");
    }

    static Node play() {
        return path("M3 1 L17 9 L3 17 Z");
    }

    static Node pause() {
        return path("M3 1 H7.5 V17 H3 Z M10.5 1 H15 V17 H10.5 Z");
    }

    static Node stepForward() {
        return path("M2 1 L12 9 L2 17 Z M13 1 H17 V17 H13 Z");
    }

    static Node stepBack() {
        return path("M16 1 L6 9 L16 17 Z M1 1 H5 V17 H1 Z");
    }

    static Node reset() {
        return path("M1 1 H4.5 V17 H1 Z M17 1 L6 9 L17 17 Z");
    }

    static Node toBackward() {
        return path("M17 1 L9 9 L17 17 Z M9 1 L1 9 L9 17 Z");
    }

    private static Node path(String d) {
        SVGPath p = new SVGPath();
        p.setContent(d);
        p.getStyleClass().add("icon");
        return p;
    }
}

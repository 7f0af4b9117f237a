package org.rnnlab.ui.controls;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * The toolbar icons of the window and compare mode as vector paths (no font glyphs to go
 * missing), 18 px tall, styled by the ".icon" class.
 */
public final class Icons {
    private Icons() {}

    /** Three columns of different heights: the toolbar's "Compare" button. */
    public static Node compare() {
        return path("M1 6 H5 V17 H1 Z M7 1 H11 V17 H7 Z M13 9 H17 V17 H13 Z");
    }

    /** An arrow to the left: back to the single-cell window. */
    public static Node back() {
        return path("M8 2 L1 9 L8 16 V11 H17 V7 H8 Z");
    }

    public static Node play() {
        return path("M3 1 L17 9 L3 17 Z");
    }

    public static Node pause() {
        return path("M3 1 H7.5 V17 H3 Z M10.5 1 H15 V17 H10.5 Z");
    }

    public static Node stepForward() {
        return path("M2 1 L12 9 L2 17 Z M13 1 H17 V17 H13 Z");
    }

    public static Node stepBack() {
        return path("M16 1 L6 9 L16 17 Z M1 1 H5 V17 H1 Z");
    }

    public static Node reset() {
        return path("M1 1 H4.5 V17 H1 Z M17 1 L6 9 L17 17 Z");
    }

    public static Node toBackward() {
        return path("M17 1 L9 9 L17 17 Z M9 1 L1 9 L9 17 Z");
    }

    public static Node panel() {
        return path("M1 2 H17 V4.5 H1 Z M1 7.75 H17 V10.25 H1 Z M1 13.5 H17 V16 H1 Z");
    }

    public static Node fullScreen() {
        return path("M1 1 H7 V3.5 H3.5 V7 H1 Z M11 1 H17 V7 H14.5 V3.5 H11 Z M1 11 H3.5 V14.5 H7 V17 H1 Z "
                + "M14.5 11 H17 V17 H11 V14.5 H14.5 Z");
    }

    /** A half-filled circle: light / dark. */
    public static Node theme() {
        Node n = path("M9 1 A8 8 0 1 0 9 17 A8 8 0 1 0 9 1 Z M9 3 A6 6 0 1 0 9 15 A6 6 0 1 0 9 3 Z "
                + "M9 3 A6 6 0 0 1 9 15 Z");
        ((SVGPath) n).setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
        return n;
    }

    /** An open book. */
    public static Node lesson() {
        return path("M1 3 C4 2 7 2.5 8.5 4 V16 C7 14.8 4 14.5 1 15.5 Z M17 3 C14 2 11 2.5 9.5 4 V16 C11 14.8 14 14.5 17 15.5 Z");
    }

    private static Node path(String d) {
        SVGPath p = new SVGPath();
        p.setContent(d);
        p.getStyleClass().add("icon");
        return p;
    }
}

package org.rnnlab.ui.chart;

import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * The colours every view shares: one diverging scale for activations, one sequential scale for
 * gradient magnitudes (drawn on a log axis), categorical colours for line series, and the
 * theme's background, text and grid colours. All scales are colour-blind safe.
 *
 * <h2>Activations: diverging, centred on 0</h2>
 * Every activation (sigmoid and tanh gates, h, c, inputs) goes through the same mapping:
 * {@code v ∈ [−1, +1]} is interpolated linearly between the scale's anchors, 0 at the neutral
 * centre, negative toward the cool end, positive toward the warm end; values beyond ±1 (the
 * LSTM cell state c, ReLU hidden states) saturate at the ends and their exact value is shown on
 * hover. Sigmoid gates, whose values lie in [0, 1], therefore use the positive half of the same
 * scale: a closed gate (0) looks like a zero activation, a fully open gate (1) like a +1
 * activation. One mapping for every activation keeps "this colour means this number" true
 * across panels, which a per-gate sequential scale would break.
 *
 * <h2>Gradient magnitudes: sequential</h2>
 * {@link #magnitudeArgb(double)} maps a position in [0, 1] along the log axis (0 = the axis
 * floor, 1 = the top) onto viridis or cividis (perceptually uniform, readable in greyscale
 * and with any common colour-vision deficiency).
 *
 * <h2>Palettes</h2>
 * {@link #light()} ColorBrewer RdBu (blue negative, red positive) with viridis;
 * {@link #lightAlternative()} ColorBrewer PuOr with cividis; {@link #dark()} a dark-centred
 * blue–red scale after Crameri's "berlin" (a light centre would glare on a dark background)
 * with viridis; {@link #presenterLight()} and {@link #presenterDark()} the same scales with pure
 * black/white text and thicker highlights for a projector.
 *
 * <p>Colours are quantised through lookup tables ({@value #DIVERGING_STEPS} steps for
 * activations): {@link #activationArgb(double)} is the definition of the mapping, and a view
 * that paints a value paints exactly this colour, which the tests check pixel by pixel.
 *
 * <p>Immutable; safe to share between views.
 */
public final class ColorScales implements org.rnnlab.ui.figure.Palette {
    /** Entries in the diverging lookup table over [−1, +1]. */
    public static final int DIVERGING_STEPS = 1025;
    /** Entries in the sequential lookup table over [0, 1]. */
    public static final int SEQUENTIAL_STEPS = 1024;

    private static final String[] RD_BU = {"#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7",
        "#f4a582", "#d6604d", "#b2182b"};
    private static final String[] PU_OR = {"#542788", "#8073ac", "#b2abd2", "#d8daeb", "#f7f7f7", "#fee0b6",
        "#fdb863", "#e08214", "#b35806"};
    private static final String[] BERLIN = {"#9eb0ff", "#5aa3da", "#2d7597", "#1a4256", "#262626", "#4f1d12",
        "#8b3a26", "#c4715c", "#ffadad"};
    private static final String[] VIRIDIS = {"#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80",
        "#5ec962", "#addc30", "#fde725"};
    private static final String[] CIVIDIS = {"#00224e", "#123570", "#3b496c", "#575d6d", "#707173", "#8a8779",
        "#a69d75", "#c4b56c", "#fee838"};
    /** Okabe & Ito (2008), reordered so the first two differ most. */
    private static final String[] OKABE_ITO_LIGHT = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"};
    private static final String[] OKABE_ITO_DARK = {"#56b4e9", "#e69f00", "#009e73", "#cc79a7", "#f0e442", "#d55e00"};

    private final String name;
    private final boolean dark;
    private final int[] diverging;
    private final int[] sequential;
    private final Color background;
    private final Color panel;
    private final Color foreground;
    private final Color muted;
    private final Color grid;
    private final Color highlight;
    private final Color nonFinite;
    private final List<Color> series;
    private final double highlightWidth;

    private ColorScales(String name, boolean dark, String[] diverging, String[] sequential, String background,
                        String panel, String foreground, String muted, String grid, String highlight, String nonFinite,
                        String[] series, double highlightWidth) {
        this.name = name;
        this.dark = dark;
        this.diverging = lut(diverging, DIVERGING_STEPS);
        this.sequential = lut(sequential, SEQUENTIAL_STEPS);
        this.background = Color.web(background);
        this.panel = Color.web(panel);
        this.foreground = Color.web(foreground);
        this.muted = Color.web(muted);
        this.grid = Color.web(grid);
        this.highlight = Color.web(highlight);
        this.nonFinite = Color.web(nonFinite);
        this.series = java.util.Arrays.stream(series).map(Color::web).toList();
        this.highlightWidth = highlightWidth;
    }

    /** RdBu and viridis on white: the default. */
    public static ColorScales light() {
        return new ColorScales("light", false, RD_BU, VIRIDIS, "#ffffff", "#f2f2f2", "#1a1a1a", "#555555",
                "#d0d0d0", "#000000", "#000000", OKABE_ITO_LIGHT, 2.5);
    }

    /** PuOr and cividis on white, for viewers who prefer purple–orange over blue–red. */
    public static ColorScales lightAlternative() {
        return new ColorScales("light-alt", false, PU_OR, CIVIDIS, "#ffffff", "#f2f2f2", "#1a1a1a", "#555555",
                "#d0d0d0", "#000000", "#000000", OKABE_ITO_LIGHT, 2.5);
    }

    /** A dark-centred diverging scale and viridis on near-black. */
    public static ColorScales dark() {
        return new ColorScales("dark", true, BERLIN, VIRIDIS, "#121212", "#1c1c1c", "#eeeeee", "#b0b0b0",
                "#3a3a3a", "#ffffff", "#ffffff", OKABE_ITO_DARK, 2.5);
    }

    /** Presenter, light: pure black on white, thicker highlights. */
    public static ColorScales presenterLight() {
        return new ColorScales("presenter-light", false, RD_BU, VIRIDIS, "#ffffff", "#ededed", "#000000",
                "#303030", "#b0b0b0", "#000000", "#000000", OKABE_ITO_LIGHT, 4);
    }

    /** Presenter, dark: pure white on black, thicker highlights. */
    public static ColorScales presenterDark() {
        return new ColorScales("presenter-dark", true, BERLIN, VIRIDIS, "#000000", "#1a1a1a", "#ffffff", "#d8d8d8",
                "#505050", "#ffffff", "#ffffff", OKABE_ITO_DARK, 4);
    }

    /** Every palette, for a theme chooser. */
    public static List<ColorScales> all() {
        return List.of(light(), lightAlternative(), dark(), presenterLight(), presenterDark());
    }

    /** "light", "light-alt", "dark", "presenter-light", "presenter-dark". */
    public String name() {
        return name;
    }

    public boolean isDark() {
        return dark;
    }

    /**
     * The colour of activation {@code v} as 0xAARRGGBB: [−1, 1] onto the diverging scale,
     * saturating beyond; NaN in {@link #nonFinite()}; ±Inf at the ends.
     */
    @Override
    public int activationArgb(double v) {
        if (Double.isNaN(v)) {
            return argb(nonFinite);
        }
        double clamped = Math.max(-1.0, Math.min(1.0, v));
        int idx = (int) Math.round((clamped + 1.0) * 0.5 * (DIVERGING_STEPS - 1));
        return diverging[idx];
    }

    public Color activation(double v) {
        return color(activationArgb(v));
    }

    /** The sequential colour at {@code fraction} ∈ [0, 1] along the axis (clamped; NaN → non-finite colour). */
    @Override
    public int magnitudeArgb(double fraction) {
        if (Double.isNaN(fraction)) {
            return argb(nonFinite);
        }
        double f = Math.max(0.0, Math.min(1.0, fraction));
        return sequential[(int) Math.round(f * (SEQUENTIAL_STEPS - 1))];
    }

    public Color magnitude(double fraction) {
        return color(magnitudeArgb(fraction));
    }

    public Color background() {
        return background;
    }

    /** Slightly off the background: panels, empty heatmap cells. */
    public Color panel() {
        return panel;
    }

    public Color foreground() {
        return foreground;
    }

    /** Secondary text and axes. */
    public Color muted() {
        return muted;
    }

    public Color grid() {
        return grid;
    }

    /** Outline of the selected unit and the current tick. */
    public Color highlight() {
        return highlight;
    }

    @Override
    public double highlightWidth() {
        return highlightWidth;
    }

    /** NaN cells and NaN/Inf markers. */
    public Color nonFinite() {
        return nonFinite;
    }

    /** Categorical colour i (Okabe–Ito), cycling. */
    public Color series(int i) {
        return series.get(Math.floorMod(i, series.size()));
    }

    @Override
    public int backgroundArgb() {
        return argb(background);
    }

    @Override
    public int panelArgb() {
        return argb(panel);
    }

    @Override
    public int foregroundArgb() {
        return argb(foreground);
    }

    @Override
    public int mutedArgb() {
        return argb(muted);
    }

    @Override
    public int gridArgb() {
        return argb(grid);
    }

    @Override
    public int highlightArgb() {
        return argb(highlight);
    }

    @Override
    public int nonFiniteArgb() {
        return argb(nonFinite);
    }

    @Override
    public int seriesArgb(int i) {
        return argb(series(i));
    }

    public static int argb(Color c) {
        int a = (int) Math.round(c.getOpacity() * 255);
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    public static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, ((argb >>> 24) & 0xff) / 255.0);
    }

    /** "#rrggbb" for CSS (the alpha is dropped). */
    public static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    private static int[] lut(String[] anchors, int steps) {
        Color[] a = new Color[anchors.length];
        for (int i = 0; i < anchors.length; i++) {
            a[i] = Color.web(anchors[i]);
        }
        int[] out = new int[steps];
        for (int k = 0; k < steps; k++) {
            double pos = (double) k / (steps - 1) * (a.length - 1);
            int i = Math.min((int) Math.floor(pos), a.length - 2);
            double f = pos - i;
            out[k] = argb(a[i].interpolate(a[i + 1], f));
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnlab.task.speech.PcmAudio;
import org.rnnlab.training.SpokenPrediction;

/**
 * The speech task's "Listen" panel: one recording on one time axis in seconds. From the top: the
 * waveform (amplitude over time, scaled to the recording's peak), the log-mel spectrogram as a
 * heatmap (one column per 20 ms frame, the lowest mel band at the bottom, colour = log energy on
 * the sequential scale), and under each tick fed to the model its most probable digit and that
 * digit's probability, p_t = max_k softmax(W_y h_t + b_y)_k. The title names the true digit and
 * the model's answer (the last tick's digit).
 */
public final class ListenFigure implements Drawing {
    /** The seconds between labels of the time axis, the first that leaves room. */
    private static final double[] TIME_STEPS = {0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10};
    /** How many nats below the loudest cell the colour scale starts (silence is the floor, ln ε). */
    static final double RANGE_NATS = 10;

    private final Figure figure;
    private final String title;
    private final List<String> tickTexts;
    private final Axis axis;

    private ListenFigure(Figure figure, String title, List<String> tickTexts, Axis axis) {
        this.figure = figure;
        this.title = title;
        this.tickTexts = List.copyOf(tickTexts);
        this.axis = axis;
    }

    @Override
    public Figure figure() {
        return figure;
    }

    /** The line above the plots: the true digit and the model's answer. */
    public String title() {
        return title;
    }

    /** Per tick fed, the digit and probability as read: "7 62%". */
    public List<String> tickTexts() {
        return tickTexts;
    }

    /** Where seconds and amplitudes land (null for a waiting figure). */
    public Axis axis() {
        return axis;
    }

    /**
     * The pixel mapping of the plots.
     *
     * @param left     x of 0 s
     * @param right    x of {@code seconds}
     * @param seconds  the span of the time axis
     * @param waveTop  top of the waveform row
     * @param waveH    its height
     * @param peak     the amplitude drawn at the row's top (the recording's largest |x|)
     * @param specTop  top of the spectrogram
     * @param specH    its height
     */
    public record Axis(double left, double right, double seconds, double waveTop, double waveH, double peak,
                       double specTop, double specH) {
        /** The x of a time in seconds. */
        public double x(double s) {
            return left + s / seconds * (right - left);
        }

        /** The y of an amplitude in [−1, 1] (x[n] = s[n] / 32768). */
        public double y(double amplitude) {
            return waveTop + waveH / 2 - amplitude / peak * (waveH / 2);
        }
    }

    /** A figure saying why there is nothing to show yet. */
    public static ListenFigure waiting(String message, double width, double height, double font, Palette p) {
        Figure.Builder out = Figure.builder(width, height);
        out.text(message, 8, 8, FigureFonts.plain(font), p.mutedArgb(), -1, -1);
        return new ListenFigure(out.build(), message, List.of(), null);
    }

    /** The figure without a playing cursor. */
    public static ListenFigure of(SpokenPrediction sp, double width, double height, double font, TextMetrics tm,
                                  Palette p) {
        return of(sp, width, height, font, tm, p, Double.NaN);
    }

    /**
     * The figure with a playing cursor at {@code cursorSeconds} into the recording (a vertical line
     * over the waveform and the spectrogram; none when NaN or outside the recording).
     */
    public static ListenFigure of(SpokenPrediction sp, double width, double height, double font, TextMetrics tm,
                                  Palette p, double cursorSeconds) {
        Figure.Builder out = Figure.builder(width, height);
        TextStyle label = FigureFonts.label(font);
        TextStyle head = FigureFonts.bold(font);
        String title = title(sp);
        out.text(title, 8, 4, head, p.foregroundArgb(), -1, -1);
        double lh = tm.lineHeight(label);
        double hh = tm.lineHeight(head);
        double top = 4 + hh + 6;
        double left = 20 + max(tm, label, "waveform", "log-mel", hz(sp.maxHz()), "digit", "p", "time (s)");
        double right = width - 12;
        double axisH = lh + 6;
        double probH = lh + 2;
        double digitH = hh + 2;
        double plots = Math.max(20, height - 4 - axisH - probH - digitH - top);
        double waveH = Math.floor(plots * 0.4);
        double specH = plots - waveH - 4;
        PcmAudio audio = sp.audio();
        double fs = sp.frameSeconds();
        double seconds = Math.max(audio.durationSeconds(), sp.frames() * fs);
        Axis ax = new Axis(left, right, seconds, top, waveH, peak(audio), top + waveH + 4, specH);

        waveform(out, audio, ax, p);
        spectrogram(out, sp, ax, p);
        // a short strip keeps one name per row, so that the names never overlap
        out.text("waveform", left - 8, top + waveH / 2, label, p.mutedArgb(), 1, 0);
        if (specH >= 2 * lh + 2) {
            out.text(hz(sp.maxHz()), left - 8, ax.specTop(), label, p.mutedArgb(), 1, -1);
            out.text(hz(sp.minHz()), left - 8, ax.specTop() + specH, label, p.mutedArgb(), 1, Mark.Label.BOTTOM);
        }
        if (specH >= 3.6 * lh || specH < 2 * lh + 2) {
            out.text(specH >= 3.6 * lh ? "log-mel" : "log-mel ↑", left - 8, ax.specTop() + specH / 2, label,
                    p.mutedArgb(), 1, 0);
        }
        double digitTop = ax.specTop() + specH + 2;
        List<String> texts = ticks(out, sp, ax, digitTop, digitH, probH, head, label, tm, p);
        out.text("digit", left - 8, digitTop + digitH / 2, label, p.mutedArgb(), 1, 0);
        out.text("p", left - 8, digitTop + digitH + probH / 2, label, p.mutedArgb(), 1, 0);
        if (sp.ticks() < sp.frames()) {
            double x = ax.x(sp.ticks() * fs);
            out.rect(x, top, right - x, digitTop + digitH + probH - top, (p.backgroundArgb() & 0x00FFFFFF) | 0xA0000000,
                    Mark.NONE, 0);
            out.text("not fed (T = " + sp.ticks() + ")", right - 4, digitTop + digitH / 2, label, p.mutedArgb(), 1, 0);
        }
        timeAxis(out, ax, digitTop + digitH + probH + 2, tm, label, p);
        if (cursorSeconds >= 0 && cursorSeconds <= seconds) {
            double x = ax.x(cursorSeconds);
            out.line(x, top, x, ax.specTop() + specH, p.foregroundArgb(), 2);
        }
        return new ListenFigure(out.build(), title, texts, ax);
    }

    private static String title(SpokenPrediction sp) {
        int answer = sp.answer();
        String verdict = answer == sp.digit() ? "right" : "wrong";
        return String.format(Locale.ROOT, "true digit %d  ·  the model says %d (%s) after the last tick: %s  ·  "
                + "recording %s  ·  weights after %d update%s", sp.digit(), answer,
                percent(sp.probability(sp.ticks() - 1, answer)), verdict, sp.id().name(), sp.updates(),
                sp.updates() == 1 ? "" : "s");
    }

    /** The envelope of the samples: per pixel column, a stroke from its smallest to its largest sample. */
    private static void waveform(Figure.Builder out, PcmAudio audio, Axis ax, Palette p) {
        double mid = ax.y(0);
        out.line(ax.left(), mid, ax.right(), mid, p.gridArgb(), 1);
        int cols = Math.max(1, (int) Math.round(ax.right() - ax.left()));
        int n = audio.length();
        double perCol = ax.seconds() * audio.sampleRate() / cols;
        double[] xs = new double[2 * cols];
        double[] ys = new double[2 * cols];
        int used = 0;
        for (int c = 0; c < cols; c++) {
            int from = (int) Math.floor(c * perCol);
            int to = Math.min(n, (int) Math.floor((c + 1) * perCol));
            if (from >= n) {
                break;
            }
            int lo = Short.MAX_VALUE;
            int hi = Short.MIN_VALUE;
            for (int i = from; i < Math.max(to, from + 1); i++) {
                lo = Math.min(lo, audio.sample(i));
                hi = Math.max(hi, audio.sample(i));
            }
            double x = ax.left() + c + 0.5;
            xs[used] = x;
            ys[used++] = ax.y(hi / 32768.0);
            xs[used] = x;
            ys[used++] = ax.y(lo / 32768.0);
        }
        out.add(new Mark.Path(java.util.Arrays.copyOf(xs, used), java.util.Arrays.copyOf(ys, used), false, Mark.NONE,
                p.seriesArgb(0), 1));
    }

    /** Frames across, bands up: raster row 0 is the highest band. */
    private static void spectrogram(Figure.Builder out, SpokenPrediction sp, Axis ax, Palette p) {
        int cols = sp.frames();
        int rows = sp.bands();
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int t = 0; t < cols; t++) {
            for (int j = 0; j < rows; j++) {
                hi = Math.max(hi, sp.logMel(t, j));
                lo = Math.min(lo, sp.logMel(t, j));
            }
        }
        lo = Math.max(lo, hi - RANGE_NATS);
        double span = hi > lo ? hi - lo : 1;
        int[] argb = new int[cols * rows];
        for (int t = 0; t < cols; t++) {
            for (int j = 0; j < rows; j++) {
                double f = Math.max(0, Math.min(1, (sp.logMel(t, j) - lo) / span));
                argb[(rows - 1 - j) * cols + t] = p.magnitudeArgb(f);
            }
        }
        double x0 = ax.x(0);
        out.add(new Mark.Raster(x0, ax.specTop(), ax.x(cols * sp.frameSeconds()) - x0, ax.specH(), cols, rows, argb));
    }

    private static List<String> ticks(Figure.Builder out, SpokenPrediction sp, Axis ax, double top, double digitH,
                                      double probH, TextStyle digitStyle, TextStyle label, TextMetrics tm, Palette p) {
        List<String> texts = new ArrayList<>();
        double fs = sp.frameSeconds();
        int fill = p.seriesArgb(0) & 0x00FFFFFF;
        for (int t = 0; t < sp.ticks(); t++) {
            int d = sp.best(t);
            double prob = sp.probability(t, d);
            String pc = percent(prob);
            texts.add(d + " " + pc);
            double x0 = ax.x(t * fs);
            double x1 = ax.x((t + 1) * fs);
            double cx = (x0 + x1) / 2;
            // the fill deepens with p but stays light enough for the text on it
            int alpha = (int) Math.round(25 + 90 * prob);
            out.rect(x0 + 0.5, top, x1 - x0 - 1, digitH + probH, (alpha << 24) | fill, Mark.NONE, 0);
            String digit = Integer.toString(d);
            if (tm.width(digit, digitStyle) <= x1 - x0) {
                out.text(digit, cx, top + digitH / 2, digitStyle, p.foregroundArgb(), 0, 0);
            }
            String shown = tm.width(pc, label) + 2 <= x1 - x0 ? pc : pc.replace("%", "");
            if (tm.width(shown, label) <= x1 - x0) {
                out.text(shown, cx, top + digitH + probH / 2, label, p.foregroundArgb(), 0, 0);
            }
            if (t == sp.ticks() - 1) {
                out.rect(x0, top, x1 - x0, digitH + probH, Mark.NONE, p.foregroundArgb(), 2);
            }
        }
        return texts;
    }

    private static void timeAxis(Figure.Builder out, Axis ax, double y, TextMetrics tm, TextStyle label, Palette p) {
        double need = tm.width("0.00", label) + 40;
        double step = TIME_STEPS[TIME_STEPS.length - 1];
        for (double s : TIME_STEPS) {
            if (ax.x(s) - ax.x(0) >= need) {
                step = s;
                break;
            }
        }
        out.text("time (s)", ax.left() - 8, y, label, p.mutedArgb(), 1, -1);
        for (int i = 0; i * step <= ax.seconds() + 1e-9; i++) {
            double x = ax.x(i * step);
            out.line(x, y - 2, x, y + 2, p.mutedArgb(), 1);
            out.text(String.format(Locale.ROOT, step < 0.1 ? "%.2f" : "%.1f", i * step), x, y + 2, label,
                    p.mutedArgb(), i == 0 ? -1 : 0, -1);
        }
    }

    /** A probability as written under its tick: "62%". */
    static String percent(double prob) {
        return Math.round(100 * prob) + "%";
    }

    private static String hz(double hz) {
        return String.format(Locale.ROOT, "%.0f Hz", hz);
    }

    private static double peak(PcmAudio a) {
        int m = 1;
        for (int i = 0; i < a.length(); i++) {
            m = Math.max(m, Math.abs((int) a.sample(i)));
        }
        return m / 32768.0;
    }

    private static double max(TextMetrics tm, TextStyle s, String... texts) {
        double w = 0;
        for (String t : texts) {
            w = Math.max(w, tm.width(t, s));
        }
        return w;
    }
}

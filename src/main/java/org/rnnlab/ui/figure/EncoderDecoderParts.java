package org.rnnlab.ui.figure;

/**
 * The two parts of an encoder–decoder (Sutskever, Vinyals &amp; Le 2014; Cho et al. 2014) over the
 * sequence figure's ticks: "Encoder reads the question" over the encoder's ticks, "Decoder writes
 * the answer" over the decoder's, each under a bracket, and the hand-over of the state between
 * them: the decoder starts from the encoder's last h (and c), marked by a line through every track
 * at the boundary and "h_E →" beside it in the h_t track (E the encoder's ticks). The titles shrink ("Encoder: question", then "Encoder") where
 * the full ones do not fit their part.
 */
final class EncoderDecoderParts {
    /** The titles, long then short. */
    static final String ENCODER = "Encoder reads the question";
    static final String DECODER = "Decoder writes the answer";

    /** "h_4 →": the encoder's last state, which the decoder starts from (math text). */
    static String handOverText(int encoderTicks) {
        return "h_" + encoderTicks + " →";
    }

    private EncoderDecoderParts() {}

    /** The height of the titles and brackets. */
    static double height(SequencePlot.Styles styles, TextMetrics tm) {
        return tm.lineHeight(styles.bold()) + 6;
    }

    /** Draws the parts' titles and brackets from {@code y} down, over the ticks drawn. */
    static void draw(SequencePlot p, double y) {
        int enc = p.s().run().encoderTicks();
        double lh = p.tm().lineHeight(p.styles().bold());
        double boundary = boundary(p);
        double handHalf = 4;
        part(p, new String[] {ENCODER, "Encoder: question", "Encoder"}, p.left(), boundary - handHalf, y, lh,
                enc > p.first());
        part(p, new String[] {DECODER, "Decoder: answer", "Decoder"}, boundary + handHalf, p.right(), y, lh,
                enc < p.end());
    }

    /**
     * The line at the boundary from {@code top} to {@code bottom}, with "h_E →" just right of it
     * at {@code labelTop} (the h_t track's top: it is h that is handed over).
     */
    static void handOver(SequencePlot p, double top, double bottom, double labelTop) {
        int enc = p.s().run().encoderTicks();
        if (enc <= p.first() || enc >= p.end()) {
            return;
        }
        double x = Math.round(boundary(p)) + 0.5;
        int fg = p.pal().foregroundArgb();
        p.out().add(new Mark.Line(x, top - 2, x, bottom, fg, 2, 0));
        p.out().add(new Mark.Label(handOverText(enc), x + 4, labelTop + 2, p.styles().labelMath(), fg,
                p.pal().backgroundArgb(), -1, -1));
    }

    private static double boundary(SequencePlot p) {
        return p.slotLeft(Math.max(p.first(), Math.min(p.s().run().encoderTicks(), p.end())));
    }

    /** The first of {@code titles} (longest first) that fits x0…x1, its bracket under it. */
    private static void part(SequencePlot p, String[] titles, double x0, double x1, double y, double lh,
                             boolean present) {
        if (!present || x1 - x0 < 10) {
            return;
        }
        TextStyle bold = p.styles().bold();
        int fg = p.pal().foregroundArgb();
        for (String text : titles) {
            if (p.tm().width(text, bold) <= x1 - x0) {
                p.out().text(text, (x0 + x1) / 2, y, bold, fg, 0, -1);
                break;
            }
        }
        double by = y + lh + 3;
        p.out().line(x0 + 2, by, x1 - 2, by, p.pal().mutedArgb(), 1.5);
        p.out().line(x0 + 2, by, x0 + 2, by + 5, p.pal().mutedArgb(), 1.5);
        p.out().line(x1 - 2, by, x1 - 2, by + 5, p.pal().mutedArgb(), 1.5);
    }
}

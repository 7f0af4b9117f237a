package org.rnnlab.task;

/**
 * One tick of a sequence as the UI's sequence view shows it: what went in, what was wanted and
 * what the model said, as text and (for numeric tasks) as numbers to plot.
 *
 * @param input           the input as a person reads it ("0.42", "a", "good")
 * @param target          the target, or "" where the task has none at this tick
 * @param prediction      the model's output, or "" when there is none yet
 * @param scored          whether the loss and the metric look at this tick
 * @param inputValue      the input as a number to plot, or NaN for symbols
 * @param targetValue     the target as a number, or NaN
 * @param predictionValue the prediction as a number (for a classifier: the probability of its
 *                        most probable class), or NaN
 * @param readAs          what the network read instead of {@code input}, when it differs (a word
 *                        of a training sentence dropped to {@code <unk>}: {@link WordDropout}),
 *                        else ""
 */
public record TickView(String input, String target, String prediction, boolean scored,
                       double inputValue, double targetValue, double predictionValue, String readAs) {

    public TickView {
        readAs = readAs == null ? "" : readAs;
    }

    /** A tick whose input is read as written. */
    public TickView(String input, String target, String prediction, boolean scored, double inputValue,
                    double targetValue, double predictionValue) {
        this(input, target, prediction, scored, inputValue, targetValue, predictionValue, "");
    }

    /** This tick showing {@code word} as its input, read by the network as this tick's input. */
    public TickView writtenAs(String word) {
        return new TickView(word, target, prediction, scored, inputValue, targetValue, predictionValue, input);
    }
}

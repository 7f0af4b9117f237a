package org.rnnlab.task;

import java.util.List;

/**
 * One sequence of a batch rendered for people, tick by tick. For an encoder-decoder the first
 * {@code encoderTicks} ticks are the encoder's (inputs only), the rest the decoder's.
 *
 * @param ticks        the ticks in order
 * @param encoderTicks how many leading ticks belong to the encoder (0 for other patterns)
 * @param numeric      true when inputs, targets and predictions are numbers worth plotting
 */
public record SequenceView(List<TickView> ticks, int encoderTicks, boolean numeric) {
    public SequenceView {
        ticks = List.copyOf(ticks);
        if (encoderTicks < 0 || encoderTicks > ticks.size()) {
            throw new IllegalArgumentException("encoder ticks must be in 0.." + ticks.size() + ", was " + encoderTicks);
        }
    }

    public int length() {
        return ticks.size();
    }

    public TickView tick(int t) {
        return ticks.get(t);
    }
}

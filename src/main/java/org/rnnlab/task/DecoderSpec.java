package org.rnnlab.task;

/**
 * What an encoder-decoder's decoder needs to know about a task's target side (Sutskever, Vinyals
 * &amp; Le 2014): its vocabulary, the start token fed at the first decoder tick, the class that
 * ends an answer, and the longest answer. Decoder inputs and classes share one vocabulary (as
 * {@code org.rnnlab.engine.EncoderDecoderModel} has it: its target embedding and readout both
 * have {@code vocabulary} rows), so greedy decoding feeds class k back as token k.
 *
 * @param vocabulary the target vocabulary: tokens of {@code target} batches and their classes
 * @param startToken the start token (BOS) fed at decoder tick 0
 * @param endClass   the class id of the end-of-answer symbol (EOS)
 * @param maxSteps   the most decoder ticks an answer needs, EOS included
 */
public record DecoderSpec(int vocabulary, int startToken, int endClass, int maxSteps) {
    public DecoderSpec {
        if (vocabulary <= 0) {
            throw new IllegalArgumentException("decoder vocabulary must be at least 1, was " + vocabulary);
        }
        if (startToken < 0 || startToken >= vocabulary) {
            throw new IllegalArgumentException("start token " + startToken + " is outside 0.." + (vocabulary - 1));
        }
        if (endClass < 0 || endClass >= vocabulary) {
            throw new IllegalArgumentException("end class " + endClass + " is outside 0.." + (vocabulary - 1));
        }
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("max decoder steps must be at least 1, was " + maxSteps);
        }
    }
}

package org.rnnlab.task;

/**
 * What an encoder-decoder's decoder needs to know about a task's target side (Sutskever, Vinyals
 * &amp; Le 2014): its input vocabulary, the start token fed at the first decoder tick, the class
 * that ends an answer, and the longest answer. Class k (k ≠ end) is fed back as decoder token k
 * during greedy decoding, so class ids and decoder token ids coincide below {@code vocabulary}.
 *
 * @param vocabulary decoder input vocabulary V_dec (tokens of {@code target} batches)
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
        if (endClass < 0) {
            throw new IllegalArgumentException("end class must be 0 or more, was " + endClass);
        }
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("max decoder steps must be at least 1, was " + maxSteps);
        }
    }
}

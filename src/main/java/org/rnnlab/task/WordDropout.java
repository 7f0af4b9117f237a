package org.rnnlab.task;

import java.util.SplittableRandom;

/**
 * Word dropout, a regulariser of the training sentences: each word is read as {@code <unk>}
 * with probability p, drawn from the batch's own generator, so a batch stays a function of the
 * seed and the iteration. The network cannot lean on any one word of a sentence it has seen
 * before, and learns what {@code <unk>} means from every position. Replacing by the unknown
 * word rather than deleting follows Bowman et al., "Generating Sentences from a Continuous
 * Space" (CoNLL 2016); word dropout as a regulariser of text classifiers: Iyyer et al., "Deep
 * Unordered Composition Rivals Syntactic Methods for Text Classification" (ACL 2015). Test
 * sentences are never changed.
 */
public final class WordDropout {
    private WordDropout() {}

    /**
     * Replaces words 0..length−1 of sequence {@code b} in a tick-major [T·B] token array by
     * {@link Vocabulary#UNKNOWN}, each with probability {@code p}; one draw per word.
     */
    public static void apply(int[] tokens, int batch, int b, int length, double p, SplittableRandom rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("word dropout must be in [0, 1), was " + p);
        }
        for (int t = 0; t < length; t++) {
            if (rng.nextDouble() < p) {
                tokens[t * batch + b] = Vocabulary.UNKNOWN;
            }
        }
    }
}

package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class BagOfWordsLogisticTest {
    // words: 0 "the", 1 "good", 2 "bad", 3 "plot"
    private static final int[][] IDS = {{0, 1}, {0, 1, 1, 3}, {1, 3}, {0, 2}, {0, 2, 2, 3}, {2, 3}};
    private static final int[] LABELS = {1, 1, 1, 0, 0, 0};

    @Test
    void presenceCountsARepeatedWordOnce() {
        assertThat(BagOfWordsLogistic.presence(new int[] {4, 1, 4, 4, 2})).containsExactly(4, 1, 2);
    }

    @Test
    void theFitSeparatesByTheWordsAndIsAStationaryPointOfItsObjective() {
        BagOfWordsLogistic m = BagOfWordsLogistic.fit(IDS, LABELS, 4);
        assertThat(m.weight(1)).isGreaterThan(1.0);
        assertThat(m.weight(2)).isLessThan(-1.0);
        // the negatives mirror the positives with "bad" for "good": "the" and "plot" weigh nothing
        assertThat(m.weight(0)).isCloseTo(0.0, offset(1e-9));
        assertThat(m.weight(3)).isCloseTo(0.0, offset(1e-9));
        assertThat(m.probabilityPositive(new int[] {0, 1})).isGreaterThan(0.8);
        assertThat(m.probabilityPositive(new int[] {2})).isLessThan(0.2);
        assertThat(m.objective(IDS, LABELS)).isLessThan(Math.log(2));
        for (double g : m.gradient(IDS, LABELS)) {
            assertThat(g).isCloseTo(0.0, offset(1e-4));
        }
    }

    @Test
    void theGradientAtZeroWeightsIsTheMeanOfHalfMinusTheLabel() {
        BagOfWordsLogistic zero = BagOfWordsLogistic.fit(IDS, LABELS, 4, 0);
        assertThat(zero.objective(IDS, LABELS)).isCloseTo(Math.log(2), offset(1e-12));
        // p = 1/2 everywhere: "good" is in the three positives, (3 · (0.5 − 1)) / 6 = −0.25
        assertThat(zero.gradient(IDS, LABELS)).containsExactly(new double[] {0, 0, -0.25, 0.25, 0}, offset(1e-12));
        BagOfWordsLogistic one = BagOfWordsLogistic.fit(IDS, LABELS, 4, 1);
        assertThat(one.weight(1)).isCloseTo(BagOfWordsLogistic.STEP * 0.25, offset(1e-12));
    }

    @Test
    void onTheRealSentencesItIsAFairBaselineAndTheTaskStatesIt() {
        SentimentTask real = new SentimentTask(TaskOptions.defaults().withVariant("real"));
        assertThat(real.logisticAccuracy()).isBetween(0.75, 0.9);
        assertThat(real.baselineValue()).isEqualTo(real.logisticAccuracy());
        assertThat(real.baseline()).contains("logistic regression): "
                + TaskSupport.percent(real.logisticAccuracy()));
        SentimentTask both = new SentimentTask(TaskOptions.defaults());
        // trained beside the generated sentences (more words, other weights), scored on the real ones
        assertThat(both.realLogisticAccuracy()).isBetween(0.75, 0.9);
        assertThat(both.baseline()).contains("(real " + TaskSupport.percent(both.realLogisticAccuracy()) + ")");
    }
}

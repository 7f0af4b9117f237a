package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A batch refuses every inconsistent shape with the sizes it expected, at the exact bounds. */
class SequenceBatchTest {
    private static final double[] MASK6 = {1, 1, 1, 1, 1, 1};

    @Test
    void sizesStartAtOne() {
        assertThatThrownBy(() -> new SequenceBatch(0, 1, 1, new double[0], null, 1, new double[0], null, new double[0]))
                .hasMessage("sequence length must be at least 1, was 0");
        assertThatThrownBy(() -> new SequenceBatch(1, 0, 1, new double[0], null, 1, new double[0], null, new double[0]))
                .hasMessage("batch size must be at least 1, was 0");
        assertThat(new SequenceBatch(1, 1, 1, new double[1], null, 1, new double[1], null, new double[1]).batch())
                .isEqualTo(1);
    }

    @Test
    void arrayLengthsAreChecked() {
        // T = 3, B = 2, X = 2, Y = 3
        assertThatThrownBy(() -> new SequenceBatch(3, 2, 2, new double[11], null, 3, new double[18], null, MASK6))
                .hasMessage("inputs must hold T·B·X = 12 values, had 11");
        assertThatThrownBy(() -> new SequenceBatch(3, 2, 2, new double[12], null, 3, new double[17], null, MASK6))
                .hasMessage("targets must hold T·B·Y = 18 values, had 17");
        assertThatThrownBy(() -> new SequenceBatch(3, 2, 4, null, new int[] {0, 1, 2, 3, 4, 0}, 3, new double[18], null,
                MASK6)).hasMessage("token id 4 is outside the vocabulary 0..3");
    }

    @Test
    void classIdsAreCheckedWhereScored() {
        int[] classes = {0, 1, 2, 0, 1, 3};
        assertThatThrownBy(() -> new SequenceBatch(3, 2, 2, new double[12], null, 3, null, classes, MASK6))
                .hasMessage("class id 3 is outside 0..2");
        assertThatThrownBy(() -> new SequenceBatch(3, 2, 2, new double[12], null, 3, null, new int[] {-1, 0, 0, 0, 0, 0},
                MASK6)).hasMessage("class id -1 is outside 0..2");
        double[] unscoredLast = {1, 1, 1, 1, 1, 0};
        assertThat(new SequenceBatch(3, 2, 2, new double[12], null, 3, null, classes, unscoredLast).isClassification())
                .isTrue();
    }
}

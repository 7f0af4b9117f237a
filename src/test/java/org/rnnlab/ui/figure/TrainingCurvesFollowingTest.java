package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.training.IterationHistory;
import org.rnnlab.training.IterationRecord;

/** Curves extended by a later history of the same run are the curves built from it anew. */
class TrainingCurvesFollowingTest {
    private static List<IterationRecord> records(int n, long seed) {
        List<IterationRecord> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            double loss = 1.0 / (i + seed);
            out.add(new IterationRecord(i, loss, i % 10 == 0 ? 0.5 : Double.NaN, 2 * loss, loss, 1, 0.1, i == 7));
        }
        return out;
    }

    private static void assertSame(TrainingCurves a, TrainingCurves b) {
        for (BoundedSeries[] pair : new BoundedSeries[][] {{a.loss(), b.loss()}, {a.metric(), b.metric()},
                {a.normBefore(), b.normBefore()}, {a.normAfter(), b.normAfter()}}) {
            assertThat(pair[0].points()).isEqualTo(pair[1].points());
            assertThat(pair[0].added()).isEqualTo(pair[1].added());
            for (int i = 0; i < pair[0].points(); i++) {
                assertThat(pair[0].x(i)).isEqualTo(pair[1].x(i));
                assertThat(pair[0].y(i)).isEqualTo(pair[1].y(i));
            }
        }
        assertThat(a.updates()).isEqualTo(b.updates());
        assertThat(a.latest()).isEqualTo(b.latest());
        assertThat(a.diverged()).isEqualTo(b.diverged());
        assertThat(a.firstIteration()).isEqualTo(b.firstIteration());
        assertThat(a.lastIteration()).isEqualTo(b.lastIteration());
    }

    @Test
    void recordsAddedSinceAreAppendedToTheSameCurves() {
        List<IterationRecord> all = records(12_000, 1);
        TrainingCurves c = TrainingCurves.of(IterationHistory.of(all.subList(0, 3000)));
        IterationHistory later = IterationHistory.of(all);
        TrainingCurves next = c.following(later);
        assertThat(next).as("extended, not rebuilt").isSameAs(c);
        assertSame(next, TrainingCurves.of(later));
        assertThat(next.following(later)).isSameAs(next);
    }

    @Test
    void aReplacedRecordOrAnotherRunIsBuiltAnew() {
        List<IterationRecord> all = records(50, 1);
        TrainingCurves c = TrainingCurves.of(IterationHistory.of(all.subList(0, 20)));
        List<IterationRecord> withMetric = new ArrayList<>(all);
        withMetric.set(19, all.get(19).withTestMetric(0.75));
        IterationHistory replaced = IterationHistory.of(withMetric);
        TrainingCurves next = c.following(replaced);
        assertThat(next).isNotSameAs(c);
        assertSame(next, TrainingCurves.of(replaced));
        IterationHistory other = IterationHistory.of(records(30, 5));
        assertSame(next.following(other), TrainingCurves.of(other));
        assertSame(next.following(IterationHistory.EMPTY), TrainingCurves.of(IterationHistory.EMPTY));
    }
}

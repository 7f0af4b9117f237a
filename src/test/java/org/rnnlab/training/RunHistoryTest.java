package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's history: bounded, the newest exact, the views it hands out never change. */
class RunHistoryTest {
    private static IterationRecord record(long i) {
        return new IterationRecord(i, i, Double.NaN, 2 * i, i, 1, 0.5, i % 1000 == 0);
    }

    @Test
    void aViewHandedOutNeverChangesWhenRecordsAreAddedOrAMetricAttached() {
        RunHistory h = new RunHistory();
        for (int i = 1; i <= 3; i++) {
            h.add(record(i));
        }
        IterationHistory before = h.view();
        assertThat(h.view()).as("the same view until something changes").isSameAs(before);
        h.attachMetric(0.75);
        h.add(record(4));
        IterationHistory after = h.view();
        assertThat(before).hasSize(3);
        assertThat(before.last().testMetric()).isNaN();
        assertThat(before.updates()).isEqualTo(3);
        assertThat(after).hasSize(4);
        assertThat(after.get(2).testMetric()).isEqualTo(0.75);
        assertThat(after.updates()).isEqualTo(4);
        assertThat(before.get(2).testMetric()).as("a view handed out is never changed").isNaN();
    }

    @Test
    void fullChunksAreSharedAndTheLastIsCopied() {
        RunHistory h = new RunHistory();
        for (int i = 1; i <= RunHistory.CHUNK + 1; i++) {
            h.add(record(i));
        }
        IterationHistory a = h.view();
        h.attachMetric(0.5);
        IterationHistory b = h.view();
        assertThat(b.get(0)).isSameAs(a.get(0));
        assertThat(a.last().testMetric()).isNaN();
        assertThat(b.last().testMetric()).isEqualTo(0.5);
    }

    @Test
    void aLongRunKeepsItsNewestExactlyAndItsStartMerged() {
        RunHistory h = new RunHistory();
        int n = RunHistory.EXACT_LIMIT + 3 * RunHistory.CHUNK + 7;
        for (int i = 1; i <= n; i++) {
            h.add(record(i));
        }
        IterationHistory v = h.view();
        assertThat(v.updates()).isEqualTo(n);
        assertThat(v.size()).isBetween(RunHistory.EXACT_LIMIT, RunHistory.EXACT_LIMIT + RunHistory.CHUNK - 1);
        assertThat(v.last().iteration()).isEqualTo(n);
        assertThat(v.get(0).iteration()).isEqualTo(n - v.size() + 1);
        // the three chunks that left the exact window, 64 records to one, in order, without a gap
        assertThat(v.older()).hasSize(3 * RunHistory.CHUNK / RunHistory.MERGE);
        IterationRecord first = v.older().get(0);
        assertThat(first.iteration()).isEqualTo(RunHistory.MERGE);
        assertThat(first.loss()).isEqualTo((1 + RunHistory.MERGE) / 2.0);
        assertThat(first.testMetric()).as("no metric in the group").isNaN();
        assertThat(v.older().get(v.older().size() - 1).iteration()).isEqualTo(v.get(0).iteration() - 1);
        assertThat(h.recent(RunHistory.EXACT_LIMIT)).hasSize(RunHistory.EXACT_LIMIT)
                .last().isEqualTo(v.last());
        assertThat(h.recent(RunHistory.EXACT_LIMIT).get(0).iteration()).isEqualTo(n - RunHistory.EXACT_LIMIT + 1);
    }

    @Test
    void theMergedStartStaysBoundedHoweverLongTheRun() {
        List<IterationRecord> all = new ArrayList<>();
        int n = RunHistory.EXACT_LIMIT + (RunHistory.OLDER_LIMIT + 100) * RunHistory.MERGE;
        for (int i = 1; i <= n; i++) {
            all.add(record(i));
        }
        IterationHistory v = IterationHistory.of(all);
        assertThat(v.older()).hasSizeLessThanOrEqualTo(RunHistory.OLDER_LIMIT).hasSizeGreaterThan(RunHistory.OLDER_LIMIT / 2);
        assertThat(v.older()).anySatisfy(r -> assertThat(r.diverged()).isTrue());
        for (int i = 1; i < v.older().size(); i++) {
            assertThat(v.older().get(i).iteration()).isGreaterThan(v.older().get(i - 1).iteration());
        }
        assertThat(v.updates()).isEqualTo(n);
    }

    @Test
    void aMergedRecordAveragesTheFiniteValuesOnly() {
        IterationRecord m = RunHistory.merge(List.of(
                new IterationRecord(1, 1, 0.5, 4, 2, 1, 0.1, false),
                new IterationRecord(2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, Double.NaN, true),
                new IterationRecord(3, 3, Double.NaN, 8, 4, 2, 0.3, false)));
        assertThat(m).isEqualTo(new IterationRecord(3, 2, 0.5, 6, 3, 2, 0.2, true));
    }
}

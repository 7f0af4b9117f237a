package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/** Labels of the generated tasks: adding, temporal order, copy, sine. */
class SyntheticTasksTest {
    private static SequenceBatch train(Task t, int b, long seed) {
        return (SequenceBatch) t.trainBatch(b, new SplittableRandom(seed));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 50, 101})
    void addingTargetIsTheSumOfTheTwoMarkedValuesOneInEachHalf(int steps) {
        AddingTask task = new AddingTask(TaskOptions.defaults().withLength(steps));
        SequenceBatch sb = train(task, 64, 3);
        for (int b = 0; b < 64; b++) {
            double sum = 0;
            int markers = 0;
            for (int t = 0; t < steps; t++) {
                int i = sb.index(t, b);
                double v = sb.inputs()[2 * i];
                assertThat(v).isBetween(0.0, 1.0);
                if (sb.inputs()[2 * i + 1] == 1.0) {
                    markers++;
                    sum += v;
                    assertThat(t < steps / 2).isEqualTo(markers == 1);
                } else {
                    assertThat(sb.inputs()[2 * i + 1]).isZero();
                }
                assertThat(sb.lossMask()[i]).isEqualTo(t == steps - 1 ? 1.0 : 0.0);
            }
            assertThat(markers).isEqualTo(2);
            assertThat(sb.targets()[sb.index(steps - 1, b)]).isEqualTo(sum);
        }
    }

    @Test
    void addingConstantGuessBaselineIsAboutOneSixth() {
        AddingTask task = new AddingTask(TaskOptions.defaults());
        MetricAccumulator acc = new MetricAccumulator();
        for (TaskBatch b : task.testBatches(128)) {
            task.score(b, Oracle.constant(b, 1.0), acc);
        }
        assertThat(acc.value()).isCloseTo(task.constantGuessMse(), within(1e-12));
        assertThat(acc.value()).isCloseTo(1.0 / 6, within(0.015));
        assertThat(task.oneMarkerMse()).isCloseTo(1.0 / 12, within(0.01));
        assertThat(task.metric().solved(acc.value())).isFalse();
        assertThat(task.metric().solved(task.oneMarkerMse())).isFalse();
        assertThat(task.baseline()).contains("0.167").contains(TaskSupport.fmt(task.constantGuessMse()));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 10, 25, 50, 100})
    void orderLabelIsTheOrderOfTheTwoMarkersInTheirWindows(int steps) {
        TemporalOrderTask task = new TemporalOrderTask(TaskOptions.defaults().withLength(steps));
        SequenceBatch sb = train(task, 200, 4);
        int[] w1 = task.firstWindow();
        int[] w2 = task.secondWindow();
        assertThat(w1[0]).isGreaterThanOrEqualTo(1);
        assertThat(w1[1]).isLessThan(w2[0]);
        assertThat(w2[1]).isLessThanOrEqualTo(steps - 2);
        if (steps == 100) {
            assertThat(w1).containsExactly(10, 20);
            assertThat(w2).containsExactly(50, 60);
        }
        int[] seen = new int[4];
        for (int b = 0; b < 200; b++) {
            StringBuilder markers = new StringBuilder();
            for (int t = 0; t < steps; t++) {
                int sym = Views.oneHotIndex(sb.inputs(), sb.index(t, b) * 8, 8);
                assertThat(sym).isBetween(0, 7);
                if (t == 0) {
                    assertThat(sym).isEqualTo(TemporalOrderTask.START);
                } else if (t == steps - 1) {
                    assertThat(sym).isEqualTo(TemporalOrderTask.END);
                } else if (sym == TemporalOrderTask.X || sym == TemporalOrderTask.Y) {
                    assertThat(t).satisfiesAnyOf(x -> assertThat(x).isBetween(w1[0], w1[1]),
                            x -> assertThat(x).isBetween(w2[0], w2[1]));
                    markers.append(task.inputLabel(sym));
                } else {
                    assertThat(sym).isBetween(0, 3);
                }
            }
            assertThat(markers).hasSize(2);
            int label = sb.classes()[sb.index(steps - 1, b)];
            assertThat(task.classLabel(label)).isEqualTo(markers.toString());
            seen[label]++;
        }
        for (int n : seen) {
            assertThat(n).isGreaterThan(20);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 40})
    void copyTargetsAreTheStringAtTheRecallTicksOnly(int lag) {
        CopyTask task = new CopyTask(TaskOptions.defaults().withLag(lag));
        int steps = task.sequenceLength();
        assertThat(steps).isEqualTo(2 * CopyTask.STRING_LENGTH + lag + 1);
        assertThat(task.lossPlacement()).isEqualTo(LossPlacement.MASK);
        SequenceBatch sb = train(task, 32, 5);
        int recall = task.firstRecallTick();
        for (int b = 0; b < 32; b++) {
            for (int t = 0; t < steps; t++) {
                int i = sb.index(t, b);
                int sym = Views.oneHotIndex(sb.inputs(), i * 10, 10);
                if (t < CopyTask.STRING_LENGTH) {
                    assertThat(sym).isBetween(0, CopyTask.ALPHABET - 1);
                    int j = sb.index(recall + t, b);
                    assertThat(sb.classes()[j]).isEqualTo(sym);
                } else {
                    assertThat(sym).isEqualTo(t == recall - 1 ? CopyTask.GO : CopyTask.BLANK);
                }
                boolean scored = t >= recall;
                assertThat(sb.lossMask()[i]).isEqualTo(scored ? 1.0 : 0.0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"many-to-many", "many-to-one"})
    void sineTargetIsTheNextInputAndTheVariantPlacesTheLoss(String variant) {
        SineTask task = new SineTask(TaskOptions.defaults().withVariant(variant).withLength(30));
        SequenceBatch sb = train(task, 16, 6);
        boolean m2o = variant.equals("many-to-one");
        assertThat(task.pattern()).isEqualTo(m2o ? IoPattern.MANY_TO_ONE : IoPattern.MANY_TO_MANY);
        for (int b = 0; b < 16; b++) {
            for (int t = 0; t < 30; t++) {
                int i = sb.index(t, b);
                if (t + 1 < 30) {
                    assertThat(sb.targets()[i]).isEqualTo(sb.inputs()[sb.index(t + 1, b)]);
                }
                assertThat(Math.abs(sb.inputs()[i])).isLessThan(2.0);
                assertThat(sb.lossMask()[i]).isEqualTo(!m2o || t == 29 ? 1.0 : 0.0);
            }
        }
    }

    @Test
    void sinePersistenceBaselineIsMeasuredOnTheScoredTicks() {
        for (String v : SineTask.VARIANTS) {
            SineTask task = new SineTask(TaskOptions.defaults().withVariant(v));
            MetricAccumulator acc = new MetricAccumulator();
            for (TaskBatch tb : task.testBatches(100)) {
                SequenceBatch sb = (SequenceBatch) tb;
                task.score(sb, new Predictions() {
                    public double output(int t, int b, int k) {
                        return sb.inputs()[sb.index(t, b)];
                    }

                    public int argmax(int t, int b) {
                        return 0;
                    }

                    public int[] decode(int b, int maxSteps) {
                        throw new UnsupportedOperationException();
                    }
                }, acc);
            }
            assertThat(acc.value()).isCloseTo(task.persistenceMse(), within(1e-12));
            assertThat(task.metric().solvedAt()).isEqualTo(0.5 * task.persistenceMse());
            assertThat(task.persistenceMse()).isGreaterThan(4 * SineTask.NOISE * SineTask.NOISE);
        }
    }

    @Test
    void aSequenceViewShowsTheMarkersAndTheSymbols() {
        AddingTask adding = new AddingTask(TaskOptions.defaults().withLength(6));
        SequenceBatch sb = train(adding, 2, 1);
        SequenceView v = adding.view(sb, 1, null);
        assertThat(v.ticks().stream().filter(t -> t.input().endsWith(" *")).count()).isEqualTo(2);
        assertThat(v.tick(5).target()).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f",
                sb.targets()[sb.index(5, 1)]));
        assertThat(v.tick(0).target()).isEmpty();
        assertThat(v.numeric()).isTrue();

        TemporalOrderTask order = new TemporalOrderTask(TaskOptions.defaults().withLength(8));
        SequenceBatch ob = train(order, 1, 1);
        List<TickView> ticks = order.view(ob, 0, Oracle.perfect(ob)).ticks();
        assertThat(ticks.get(0).input()).isEqualTo("E");
        assertThat(ticks.get(7).input()).isEqualTo("B");
        assertThat(ticks.get(7).target()).isIn("XX", "XY", "YX", "YY");
        assertThat(ticks.get(7).predictionValue()).isGreaterThan(0.99);
    }
}

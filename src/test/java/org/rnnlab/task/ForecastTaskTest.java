package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

class ForecastTaskTest {
    @Test
    void theBundledSeriesIsBoxAndJenkinsSeriesG() {
        ForecastTask t = ForecastTask.airline(TaskOptions.defaults());
        double[] v = t.series();
        assertThat(v).hasSize(144);
        assertThat(v[0]).isEqualTo(112);
        assertThat(v[143]).isEqualTo(432);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        assertThat(sum).isEqualTo(40363);
        assertThat(t.trainSize()).isEqualTo(120);
        assertThat(t.testSize()).isEqualTo(24);
    }

    @Test
    void scalingUsesTheTrainingPartOnlyAndInverts() {
        ForecastTask t = ForecastTask.airline(TaskOptions.defaults());
        double[] v = t.series();
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int i = 0; i < 120; i++) {
            lo = Math.min(lo, v[i]);
            hi = Math.max(hi, v[i]);
        }
        assertThat(t.scale(lo)).isCloseTo(0, within(1e-12));
        assertThat(t.scale(hi)).isCloseTo(1, within(1e-12));
        assertThat(t.scale(622)).isGreaterThan(1);
        for (double x : v) {
            assertThat(t.unscale(t.scale(x))).isCloseTo(x, within(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"level", "change"})
    void trainingWindowsNeverSeeATestValueAndTestWindowsForecastTheLast24(String variant) {
        ForecastTask t = ForecastTask.airline(TaskOptions.defaults().withVariant(variant).withLength(13));
        double[] v = t.series();
        SequenceBatch sb = (SequenceBatch) t.trainBatch(500, new SplittableRandom(1));
        for (int b = 0; b < 500; b++) {
            double target = t.unscale(t.levelOf(sb, 12, b, sb.targets()[sb.index(12, b)]));
            int m = windowEnd(t, sb, b, v);
            assertThat(m).as("training target of row %d is a training month", b).isBetween(13, 119);
            assertThat(target).isCloseTo(v[m], within(1e-9));
        }
        SequenceBatch test = (SequenceBatch) t.testBatches(100).get(0);
        for (int b = 0; b < 24; b++) {
            assertThat(t.unscale(t.levelOf(test, 12, b, test.targets()[test.index(12, b)])))
                    .isCloseTo(v[120 + b], within(1e-9));
            assertThat(t.unscale(test.inputs()[test.index(12, b)])).isCloseTo(v[119 + b], within(1e-9));
        }
    }

    /** The month m whose preceding 13 months are the window of row b (−1 if none). */
    private static int windowEnd(ForecastTask t, SequenceBatch sb, int b, double[] v) {
        for (int m = 13; m < v.length; m++) {
            boolean all = true;
            for (int k = 0; k < 13 && all; k++) {
                all = Math.abs(t.unscale(sb.inputs()[sb.index(k, b)]) - v[m - 13 + k]) < 1e-9;
            }
            if (all) {
                return m;
            }
        }
        return -1;
    }

    @Test
    void seasonalNaiveBaselineIsComputedOnTheOriginalScale() {
        ForecastTask t = ForecastTask.airline(TaskOptions.defaults());
        double[] v = t.series();
        double se = 0;
        for (int m = 120; m < 144; m++) {
            se += (v[m] - v[m - 12]) * (v[m] - v[m - 12]);
        }
        assertThat(t.baselineRmse()).isCloseTo(Math.sqrt(se / 24), within(1e-9)).isCloseTo(49.99, within(0.01));
        assertThat(t.metric().solvedAt()).isLessThan(t.baselineRmse());
        assertThat(t.driftRmse()).isCloseTo(15.91, within(0.01));

        // scoring the seasonal-naive forecast through the task gives the same number
        for (String variant : ForecastTask.VARIANTS) {
            ForecastTask tv = ForecastTask.airline(TaskOptions.defaults().withVariant(variant));
            MetricAccumulator acc = new MetricAccumulator();
            for (TaskBatch tb : tv.testBatches(10)) {
                SequenceBatch sb = (SequenceBatch) tb;
                tv.score(sb, new Predictions() {
                    public double output(int tick, int b, int k) {
                        double yearAgo = sb.inputs()[sb.index(tick + 1 - 12, b)];
                        return variant.equals("change") ? 0.0 : yearAgo;
                    }

                    public int argmax(int tick, int b) {
                        return 0;
                    }

                    public int[] decode(int b, int maxSteps) {
                        throw new UnsupportedOperationException();
                    }
                }, acc);
            }
            assertThat(acc.isRootMean()).isTrue();
            assertThat(acc.value()).isCloseTo(t.baselineRmse(), within(1e-9));
            assertThat(tv.metric().solved(acc.value())).isFalse();
        }
    }

    @Test
    void theChangeVariantIsSolvedOnlyBelowTheDriftForecast() {
        ForecastTask t = ForecastTask.airline(TaskOptions.defaults().withVariant("change"));
        assertThat(t.metric().solvedAt()).isCloseTo(t.driftRmse(), within(1e-6)).isLessThan(t.driftRmse());
        assertThat(t.solvedReason()).contains("drift");
        ForecastTask level = ForecastTask.airline(TaskOptions.defaults());
        assertThat(level.metric().solvedAt()).isCloseTo(level.baselineRmse(), within(1e-6)).isLessThan(level.baselineRmse());
    }

    @Test
    void theViewShowsPassengers() {
        ForecastTask t = ForecastTask.airline(TaskOptions.defaults().withVariant("change"));
        TaskBatch b = t.testBatches(24).get(0);
        SequenceView view = t.view(b, 0, Oracle.perfect(b));
        TickView last = view.tick(23);
        assertThat(last.targetValue()).isCloseTo(360, within(1e-6));
        assertThat(last.target()).isEqualTo("360.0");
        assertThat(last.prediction()).isEqualTo("360.0");
        assertThat(view.tick(0).inputValue()).isCloseTo(t.series()[96], within(1e-6));
        assertThat(view.tick(5).target()).isEmpty();
        assertThat(view.tick(11).targetValue()).isCloseTo(t.series()[108], within(1e-6));
    }
}

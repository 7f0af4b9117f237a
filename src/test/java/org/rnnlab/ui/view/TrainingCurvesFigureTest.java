package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.IterationHistory;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.BoundedSeries;
import org.rnnlab.ui.figure.CurvePanel;
import org.rnnlab.ui.figure.Mark;
import org.rnnlab.ui.figure.Palette;
import org.rnnlab.ui.figure.TextMetrics;
import org.rnnlab.ui.figure.TrainingCurves;
import org.rnnlab.ui.figure.TrainingCurvesFigure;

/** The training curves' figure read directly, without a display (monospace metrics). */
class TrainingCurvesFigureTest {
    private static final TextMetrics TM = TextMetrics.monospace(0.55);
    private static final Palette PAL = ColorScales.light();

    private static TrainingCurvesFigure figure(Snapshot s) {
        return TrainingCurvesFigure.of(s, 900, 500, ViewStyle.DEFAULT_FONT, true, TM, PAL);
    }

    /** A copy of {@code s} whose run has another metric name. */
    private static Snapshot withMetric(Snapshot s, String name) {
        Snapshot.Run r = s.run();
        return new Snapshot(s.version() + 1, new Snapshot.Run(r.id(), r.settings(), r.cell(), r.taskTitle(), r.pattern(),
                r.placement(), r.loss(), r.parameterCount(), r.encoderTicks(), name == null ? null : new org.rnnlab.task.Metric(name, true, 1), r.baseline(),
                r.history(), r.model(), r.tickNames()), s.position(), s.sequence(),
                s.columns(), s.status());
    }

    @Test
    void showsTheRunsHistoryWithTheClipThreshold() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 8, 6));
        List<IterationRecord> recs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sim.trainIteration();
            recs.add(sim.history().last());
        }
        Snapshot s = sim.snapshot(null, false);
        TrainingCurvesFigure f = figure(s);
        IterationRecord last = recs.get(39);
        assertThat(s.run().history()).containsExactlyElementsOf(recs);
        assertThat(f.updates()).isEqualTo(40);
        assertThat(f.figure().texts()).contains("loss " + ViewNumbers.format(last.loss()) + "   (iteration 40)",
                "before " + ViewNumbers.format(last.normBefore()) + "  ", "after " + ViewNumbers.format(last.normAfter()) + "  ",
                "threshold " + ViewNumbers.shortFormat(last.clipThreshold()), "iteration");
        double[] axis = f.normAxis();
        assertThat(f.thresholdY()).isEqualTo(f.normY(last.clipThreshold()));
        double top = f.normY(Math.pow(10, axis[1]));
        double bottom = f.normY(Math.pow(10, axis[0]));
        assertThat(f.thresholdY()).isBetween(top, bottom);
        double expected = bottom - (Math.log10(last.clipThreshold()) - axis[0]) / (axis[1] - axis[0]) * (bottom - top);
        assertThat(f.thresholdY()).isCloseTo(expected, within(1e-9));
        assertThat(f.figure().marks()).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(Mark.Line.class, l -> {
            assertThat(l.dash()).isPositive();
            assertThat(l.y0()).isEqualTo(f.thresholdY());
        }));
    }

    @Test
    void theLossCurvesLastPointIsTheHistorysLastLoss() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 8, 6));
        for (int i = 0; i < 25; i++) {
            sim.trainIteration();
        }
        Snapshot s = sim.snapshot(null, false);
        TrainingCurvesFigure f = figure(s);
        IterationRecord last = s.run().history().last();
        assertThat(f.lastLossPoint()[0]).isEqualTo(last.loss());
        CurvePanel lp = f.lossPanel();
        // the loss curve is the first path drawn, in the foreground colour
        Mark.Path curve = f.figure().marks().stream().filter(m -> m instanceof Mark.Path).map(m -> (Mark.Path) m)
                .findFirst().orElseThrow();
        assertThat(curve.stroke()).isEqualTo(PAL.foregroundArgb());
        int n = curve.xs().length;
        assertThat(curve.xs()[n - 1]).isEqualTo(lp.right());
        assertThat(curve.ys()[n - 1]).isEqualTo(lp.y(last.loss())).isEqualTo(f.lastLossPoint()[1]);
    }

    @Test
    void theMetricShownIsTheCurrentTasksOwn() {
        Snapshot s = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 8, 6)).snapshot(null, false);
        IterationHistory h = IterationHistory.of(List.of(
                new IterationRecord(1, 0.9, 0.25, 2, 1, 1, 0.1, false),
                new IterationRecord(2, 0.8, 0.5, 2, 1, 1, 0.1, false)));
        TrainingCurvesFigure accuracy = figure(withMetric(ViewTestKit.withHistory(s, h), "accuracy"));
        assertThat(accuracy.metricName()).isEqualTo("accuracy");
        assertThat(accuracy.figure().texts()).contains("test accuracy 0.5000")
                .noneMatch(t -> t.startsWith("test ") && !t.startsWith("test accuracy "));
        TrainingCurvesFigure mse = figure(withMetric(ViewTestKit.withHistory(s, h), "MSE"));
        assertThat(mse.figure().texts()).contains("test MSE 0.5000").noneMatch(t -> t.startsWith("test accuracy"));
        assertThat(figure(withMetric(ViewTestKit.withHistory(s, h), null)).metricName()).isEqualTo("metric");
    }

    @Test
    void anAccuracySpansZeroToOneWithItsChanceLevelAndTheBaselineDrawn() {
        Snapshot s = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 8, 6)).snapshot(null, false);
        IterationHistory h = IterationHistory.of(List.of(
                new IterationRecord(1, 0.9, 0.45, 2, 1, 1, 0.1, false),
                new IterationRecord(2, 0.8, 0.55, 2, 1, 1, 0.1, false)));
        Snapshot.Run r = s.run();
        Snapshot acc = new Snapshot(s.version() + 1, new Snapshot.Run(r.id(), r.settings(), r.cell(), r.taskTitle(),
                r.pattern(), r.placement(), r.loss(), r.parameterCount(), r.encoderTicks(),
                org.rnnlab.task.Metric.accuracy("accuracy", 0.9, 4), 0.6, h, r.model(), r.tickNames()), s.position(), s.sequence(), s.columns(),
                s.status());
        TrainingCurvesFigure f = figure(acc);
        CurvePanel mp = f.metricPanel();
        assertThat(mp.lo()).isEqualTo(0.0);
        assertThat(mp.hi()).isEqualTo(1.0);
        assertThat(mp.log()).isFalse();
        assertThat(f.figure().texts()).contains("– – chance 0.25", "··· baseline 0.60", "test accuracy 0.5500");
        List<Mark.Line> dashed = f.figure().marks().stream().filter(m -> m instanceof Mark.Line l && l.dash() > 0)
                .map(m -> (Mark.Line) m).toList();
        assertThat(dashed).anySatisfy(l -> {
            assertThat(l.y0()).isEqualTo(mp.y(0.25)).isEqualTo(l.y1());
            assertThat(l.x0()).isEqualTo(mp.left());
        });
        assertThat(dashed).anySatisfy(l -> assertThat(l.y0()).isEqualTo(mp.y(0.6)));

        // an error metric keeps its fitted axis and has no chance line
        Snapshot mse = new Snapshot(s.version() + 2, new Snapshot.Run(r.id(), r.settings(), r.cell(), r.taskTitle(),
                r.pattern(), r.placement(), r.loss(), r.parameterCount(), r.encoderTicks(),
                new org.rnnlab.task.Metric("MSE", false, 0.1), Double.NaN, h, r.model(), r.tickNames()), s.position(), s.sequence(), s.columns(),
                s.status());
        TrainingCurvesFigure g = figure(mse);
        assertThat(g.metricPanel().hi()).isLessThan(1.0);
        assertThat(g.figure().texts()).noneMatch(t -> t.contains("chance") || t.contains("baseline"));
    }

    @Test
    void theTasksCarryTheirChanceLevels() {
        org.rnnlab.training.TaskFactory tasks = org.rnnlab.ui.model.AppTasks.factory();
        assertThat(tasks.create("order", 0, 1).metric().chance()).isEqualTo(0.25);
        assertThat(tasks.create("sentiment", 0, 1).metric().chance()).isEqualTo(0.5);
        assertThat(tasks.create("copy", 0, 1).metric().chance()).isEqualTo(0.125);
        assertThat(tasks.create("order", 0, 1).metric().fraction()).isTrue();
        assertThat(tasks.create("adding", 0, 1).metric().fraction()).isFalse();
        assertThat(tasks.create("sentiment", 0, 1).baselineValue()).isBetween(0.5, 1.0);
    }

    @Test
    void aNewRunShowsItsOwnHistoryOnly() {
        Simulation first = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 8, 6));
        for (int i = 0; i < 30; i++) {
            first.trainIteration();
        }
        assertThat(figure(first.snapshot(null, false)).updates()).isEqualTo(30);

        Simulation next = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 8, 6));
        TrainingCurvesFigure fresh = figure(next.snapshot(null, false));
        assertThat(fresh.updates()).isZero();
        assertThat(fresh.lastLossPoint()).isNull();
        assertThat(fresh.figure().texts()).containsExactly(TrainingCurvesFigure.EMPTY);

        next.trainIteration();
        Snapshot one = next.snapshot(null, false);
        IterationRecord r = one.run().history().last();
        TrainingCurvesFigure f = figure(one);
        assertThat(f.updates()).isEqualTo(1);
        assertThat(f.figure().texts()).contains("loss " + ViewNumbers.format(r.loss()) + "   (iteration 1)");
        assertThat(f.lastLossPoint()[0]).isEqualTo(r.loss());
    }

    @Test
    void historyStaysBoundedOverAVeryLongRun() {
        Snapshot s = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 8, 6)).snapshot(null, false);
        int n = 120_000;
        List<IterationRecord> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(new IterationRecord(i, 1.0 / i, i % 1000 == 0 ? 0.5 : Double.NaN, 2.0, 1.0, 1.0, 0.1, i == 777));
        }
        IterationHistory h = IterationHistory.of(all);
        assertThat(h.updates()).isEqualTo(n);
        assertThat(h.size()).isBetween(Simulation.HISTORY_LIMIT, Simulation.HISTORY_LIMIT + 512);
        assertThat(h.last()).isEqualTo(all.get(n - 1));
        assertThat(h.older()).isNotEmpty().hasSizeLessThanOrEqualTo(2_000);
        assertThat(h.older().get(0).iteration()).as("the curves still start near the first iteration").isLessThan(200);
        TrainingCurvesFigure f = figure(ViewTestKit.withHistory(s, h));
        assertThat(f.updates()).isEqualTo(n);
        assertThat(f.curves().storedPoints()).isLessThanOrEqualTo(TrainingCurves.CAPACITY)
                .isGreaterThan(TrainingCurves.CAPACITY / 4);
        assertThat(f.figure().texts()).contains("NaN (diverged)", "test " + s.run().metricName() + " 0.5000", "iteration");

        // another run: its own history, clipping off
        IterationHistory other = IterationHistory.of(List.of(
                new IterationRecord(1, 0.5, Double.NaN, 3, 1, Double.POSITIVE_INFINITY, 1, false)));
        TrainingCurvesFigure off = figure(ViewTestKit.withHistory(s, other));
        assertThat(off.updates()).isEqualTo(1);
        assertThat(off.figure().texts()).contains("clipping off");
        assertThat(off.thresholdY()).isNaN();
    }

    @Test
    void boundedSeriesKeepsShapeAndCapacity() {
        BoundedSeries s = new BoundedSeries(8);
        for (int i = 1; i <= 100; i++) {
            s.add(i, i);
        }
        assertThat(s.stored()).isLessThanOrEqualTo(8);
        assertThat(s.added()).isEqualTo(100);
        for (int i = 1; i < s.points(); i++) {
            assertThat(s.x(i)).isGreaterThan(s.x(i - 1));
        }
        // each stored point is the mean of the y of the values it stands for (here y = x)
        assertThat(s.y(0)).isEqualTo((1 + s.x(0)) / 2);
        s.add(101, Double.NaN);
        assertThat(s.added()).isEqualTo(100);
    }

    @Test
    void aMetricInHundredsKeepsItsRangeLabelInsideTheFigure() {
        Simulation sim = new Simulation(org.rnnlab.training.SimulationSettings.defaults().withTask("airline", 24)
                .withHiddenSize(8).withBatchSize(16), org.rnnlab.training.DefaultTasks.factory());
        double[] rmse = {203.1, 198.4, 120.7, 75.3}; // thousand passengers, as the window's evaluations gave
        for (int i = 1; i <= 200; i++) {
            sim.trainIteration();
            if (i % 50 == 0) {
                sim.setLastMetric(rmse[i / 50 - 1]);
            }
        }
        Snapshot s = sim.snapshot(null, false);
        // the panel of a 1920x1080 window, and narrower
        for (double[] size : new double[][] {{560, 290}, {420, 260}, {900, 500}}) {
            TrainingCurvesFigure f = TrainingCurvesFigure.of(s, size[0], size[1], ViewStyle.DEFAULT_FONT, true, TM, PAL);
            assertThat(f.figure().texts()).as("the metric was scored").anyMatch(t -> t.startsWith("test RMSE"));
            for (Mark.Label l : f.figure().labels()) {
                double w = TM.width(l.text(), l.style());
                double x0 = l.h() == 1 ? l.x() - w : l.h() == 0 ? l.x() - w / 2 : l.x();
                assertThat(x0).as("left end of '%s' at %sx%s", l.text(), size[0], size[1]).isGreaterThanOrEqualTo(-0.5);
                assertThat(x0 + w).as("right end of '%s'", l.text()).isLessThanOrEqualTo(size[0] + 0.5);
                assertThat(l.text()).as("a range in hundreds reads as whole numbers").doesNotContain("e+2");
            }
        }
    }
}

package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ColorScales;
import org.rnnlab.ui.chart.ViewStyle;
import org.rnnlab.ui.figure.Mark;
import org.rnnlab.ui.figure.Palette;
import org.rnnlab.ui.figure.SequenceFigure;
import org.rnnlab.ui.figure.SequenceTrack;
import org.rnnlab.ui.figure.TextMetrics;
import org.rnnlab.ui.figure.TextStyle;

/** The sequence figure read directly, without a display (monospace metrics). */
class SequenceFigureTest {
    private static final TextMetrics TM = TextMetrics.monospace(0.55);
    private static final Palette PAL = ColorScales.light();

    private static SequenceFigure figure(Snapshot s, int unit) {
        return SequenceFigure.of(s, unit, 950, 500, ViewStyle.DEFAULT_FONT, TM, PAL);
    }

    @Test
    void aPredictionPointStandsAtTheEnginesPredictionOnTheAxis() {
        int steps = 10;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, steps, 6));
        Snapshot s = ViewTestKit.step(sim, steps + 1);
        SequenceFigure f = figure(s, 0);
        assertThat(f.lossTicks()).containsExactly(steps - 1);
        assertThat(f.figure().texts()).contains("many-to-one · loss at t=10");
        SequenceTrack out = f.track("output").orElseThrow();
        List<Mark.Oval> dots = f.figure().marks().stream().filter(m -> m instanceof Mark.Oval).map(m -> (Mark.Oval) m)
                .filter(o -> o.fill() == PAL.seriesArgb(1)).toList();
        assertThat(dots).hasSize(steps);
        for (int t = 0; t < steps; t++) {
            double engine = sim.model().output(t, 0, 0);
            assertThat(f.predictionAt(t, 0)).isEqualTo(engine);
            SequenceFigure.Point p = f.predictionPoint(t, 0);
            assertThat(p.y()).as("tick %d", t).isEqualTo(out.y(engine));
            double expected = out.bottom() - 4 - (engine - out.lo()) / (out.hi() - out.lo()) * (out.bottom() - out.top() - 8);
            assertThat(p.y()).isCloseTo(expected, within(1e-9));
            assertThat(dots.get(t).cx()).isEqualTo(p.x());
            assertThat(dots.get(t).cy()).isEqualTo(p.y());
        }
        assertThat(f.targetPoint(steps - 1, 0)).isNotNull();
        assertThat(f.targetPoint(3, 0)).isNull();
        assertThat(f.figure().texts())
                .anyMatch(x -> x.startsWith("target " + ViewNumbers.format(s.sequence().targets()[steps - 1][0])));
        assertThat(f.figure().hitAt(p0(f).x(), p0(f).y()).orElseThrow().id()).isEqualTo("tick-0");
    }

    private static SequenceFigure.Point p0(SequenceFigure f) {
        return f.predictionPoint(0, 0);
    }

    @Test
    void theInputRowsAreNamedForTheirFeatures() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 8, 6));
        Snapshot s = ViewTestKit.step(sim, 3);
        SequenceFigure f = figure(s, 0);
        int features = s.sequence().inputs()[0].length;
        List<String> names = f.tracks().stream().map(SequenceTrack::name).toList();
        assertThat(names).endsWith("h", "output");
        assertThat(f.figure().texts()).contains("h_t unit 1", "loss", "prediction", "target");
        String[] symbols = s.sequence().inputLabels();
        if (symbols != null) {
            // a token task's symbols, one per tick, in one input track
            assertThat(names).containsExactly("input", "h", "output");
            assertThat(f.figure().texts()).contains("x_t");
            for (String sym : symbols) {
                if (sym != null) {
                    assertThat(f.figure().texts()).contains(sym);
                }
            }
        } else if (features <= 3) {
            assertThat(names).hasSize(features + 2);
            for (int k = 0; k < features; k++) {
                assertThat(names.get(k)).isEqualTo("x" + k);
                assertThat(f.figure().texts()).contains(features == 1 ? "x_t" : "x_{t," + (k + 1) + "}");
            }
        }
        // the same snapshot without symbols: one line track per feature, named x_{t,k}
        Snapshot plain = withoutSymbols(s);
        SequenceFigure lines = figure(plain, 0);
        assertThat(lines.tracks().stream().map(SequenceTrack::name)).containsExactly("x0", "x1", "h", "output");
        assertThat(lines.figure().texts()).contains("x_{t,1}", "x_{t,2}");
        SequenceTrack x0 = lines.track("x0").orElseThrow();
        for (int t = 0; t < plain.position().steps(); t++) {
            assertThat(plain.sequence().inputs()[t][0]).isBetween(x0.lo(), x0.hi());
        }
    }

    private static Snapshot withoutSymbols(Snapshot s) {
        Snapshot.Sequence q = s.sequence();
        return new Snapshot(s.version() + 1, s.run(), s.position(), new Snapshot.Sequence(q.batchSize(), q.row(),
                q.inputs(), null, q.targets(), q.classes(), q.classLabels(), q.lossMask(), q.initialH(), q.initialC()),
                s.columns(), s.status());
    }

    @Test
    void classificationShowsArgmaxOfTheLogitsAgainstTheTargetClass() {
        int steps = 12;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, steps, 6).withTask("toyclass", steps));
        Snapshot s = ViewTestKit.step(sim, 7);
        SequenceFigure f = figure(s, 0);
        assertThat(f.lossTicks()).hasSize(steps);
        assertThat(f.figure().texts()).contains("many-to-many (aligned) · loss at every tick");
        for (int t = 0; t < steps; t++) {
            assertThat(f.targetClass(t)).isEqualTo(Integer.toString(s.sequence().classes()[t]));
            if (t < 7) {
                double a = sim.model().output(t, 0, 0);
                double b = sim.model().output(t, 0, 1);
                assertThat(f.predictedClass(t)).isEqualTo(b > a ? "1" : "0");
            } else {
                assertThat(f.predictedClass(t)).isNull();
            }
        }
        long marks = f.figure().texts().stream().filter(x -> x.equals("✓") || x.equals("✗")).count();
        assertThat(marks).as("a ✓ or ✗ at each tick with both classes").isEqualTo(7);
    }

    @Test
    void followedUnitTrackNamesTheUnit() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 6, 6));
        Snapshot s = ViewTestKit.step(sim, 3);
        assertThat(figure(s, 4).figure().texts()).contains("h_t unit 5");
    }

    @Test
    void aGeneratedSampleIsShownOnOneLineUnderTheHeader() {
        int steps = 10;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, steps, 6));
        String text = "First Citizen:\nBefore we proceed any further, hear me speak.\n\nAll:\nSpeak, speak.".repeat(4);
        sim.setGenerated(new Snapshot.GeneratedText(500, 0.8, text));
        Snapshot s = ViewTestKit.step(sim, 3);
        SequenceFigure f = figure(s, 0);
        String shown = f.sample();
        assertThat(shown).startsWith("sample after 500 iterations (τ 0.8): First Citizen:⏎Before we proceed")
                .endsWith("…").doesNotContain("\n");
        assertThat(f.figure().texts()).contains(shown);
        assertThat(TM.width(shown, TextStyle.plain(ViewStyle.DEFAULT_FONT * 0.9))).isLessThanOrEqualTo(950 - 16);

        sim.setGenerated(null);
        SequenceFigure none = figure(ViewTestKit.step(sim, 1), 0);
        assertThat(none.sample()).isNull();
        assertThat(none.figure().texts()).noneMatch(x -> x.startsWith("sample after"));
    }

    @Test
    void noSnapshotOrNoRoomDrawsNothing() {
        assertThat(figure(null, 0).figure().marks()).isEmpty();
        Snapshot s = ViewTestKit.step(ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 6, 6)), 2);
        assertThat(SequenceFigure.of(s, 0, 8, 500, 16, TM, PAL).figure().marks()).isEmpty();
        assertThat(SequenceFigure.MIN_TEXT).isEqualTo(ViewStyle.MIN_FONT);
    }
}

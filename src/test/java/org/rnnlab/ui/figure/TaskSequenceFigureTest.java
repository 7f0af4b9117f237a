package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.task.registry.Tasks;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;

/**
 * The sequence figure of the course's applications, read as a person reads it: the sentiment
 * sentence word by word with the per-word P(positive), the temporal order's classes and markers,
 * the encoder–decoder's two parts and no placeholder class.
 */
class TaskSequenceFigureTest {
    private static final TextMetrics TM = TextMetrics.monospace(0.6);
    private static final Palette PAL = org.rnnlab.ui.chart.ColorScales.light();

    static Simulation sim(String task) {
        SimulationSettings s = SimulationSettings.defaults().withTask(task, Tasks.info(task).defaultLength())
                .withHiddenSize(6).withBatchSize(4);
        return new Simulation(s, DefaultTasks.factory());
    }

    static Snapshot step(Simulation sim, int n) {
        for (int i = 0; i < n; i++) {
            sim.stepForward();
        }
        return sim.snapshot(null, false);
    }

    static SequenceFigure figure(Snapshot s) {
        return SequenceFigure.of(s, 0, 950, 520, 16, TM, PAL);
    }

    static List<Mark.Label> labelsIn(SequenceFigure f, String track) {
        SequenceTrack tr = f.track(track).orElseThrow();
        return f.figure().labels().stream().filter(l -> l.y() > tr.top() && l.y() < tr.bottom() && l.h() == 0)
                .sorted(Comparator.comparingDouble(Mark.Label::x)).toList();
    }

    @Test
    void theSentenceIsDrawnWordByWordUpToItsLastWordAndTheCurrentWordIsBoxed() {
        Simulation sim = sim("sentiment");
        Snapshot s = step(sim, 3);
        String[] words = s.sequence().inputLabels();
        int drawn = SequenceValues.drawnTicks(s);
        int loss = SequenceValues.lossTicks(s).get(0);
        assertThat(drawn).isEqualTo(loss + 1);
        List<String> sentence = new ArrayList<>(List.of(words).subList(0, drawn));
        assertThat(sentence).doesNotContain("<pad>");
        SequenceFigure f = figure(s);
        List<Mark.Label> drawnWords = labelsIn(f, "input");
        assertThat(drawnWords).extracting(Mark.Label::text).containsExactlyElementsOf(sentence);
        assertThat(drawnWords).allSatisfy(l -> assertThat(l.style().size()).isGreaterThanOrEqualTo(SequenceFigure.MIN_TEXT));
        if (drawn < s.position().steps()) {
            assertThat(f.figure().texts().get(0)).endsWith("t=" + (drawn + 1) + "–" + s.position().steps() + ": <pad>, hidden");
        }
        Mark.Label current = drawnWords.get(2);
        assertThat(f.figure().marks()).as("a box around the current word '%s'", current.text())
                .anySatisfy(m -> assertThat(m instanceof Mark.Rect r && r.stroke() == PAL.highlightArgb()
                        && r.x() < current.x() && r.x() + r.w() > current.x() && r.y() < current.y()
                        && r.y() + r.h() > current.y()).isTrue());
    }

    @Test
    void theHeatmapsVeilTheMaskedPaddingAndSaySo() {
        Snapshot s = null;
        int drawn = 0;
        for (int seed = 1; seed <= 20; seed++) {
            SimulationSettings st = SimulationSettings.defaults().withTask("sentiment", Tasks.info("sentiment").defaultLength())
                    .withHiddenSize(6).withBatchSize(4).withSeed(seed);
            s = step(new Simulation(st, DefaultTasks.factory()), 1);
            drawn = SequenceValues.drawnTicks(s);
            if (drawn < s.position().steps()) {
                break;
            }
        }
        int steps = s.position().steps();
        int real = drawn;
        assertThat(real).as("a padded sentence").isLessThan(steps);
        GateHeatmapFigure f = GateHeatmapFigure.of(s, 0, 960, 520, 16, s.position().tick(), TM, PAL);
        int veil = HeatmapPainting.paddingVeil(PAL);
        for (HeatmapPanel p : f.panels()) {
            double cw = (double) p.w() / steps;
            assertThat(f.figure().marks()).as("the veil over %s's padded ticks", p.key()).anySatisfy(m ->
                    assertThat(m instanceof Mark.Rect r && r.fill() == veil && Math.abs(r.x() - (p.x() + real * cw)) < 1e-9
                            && Math.abs(r.w() - (steps - real) * cw) < 1e-9 && r.y() == p.y() && r.h() == p.h()).isTrue());
        }
        assertThat(String.join(" ", f.texts())).contains("t=" + (drawn + 1) + "–" + steps + ": <pad>, masked");

        Snapshot adding = step(sim("adding"), 1);
        assertThat(GateHeatmapFigure.of(adding, 0, 960, 520, 16, 0, TM, PAL).figure().marks())
                .noneSatisfy(m -> assertThat(m instanceof Mark.Rect r && r.fill() == veil).isTrue());
    }

    @Test
    void afterEveryWordThePredictionIsTheEnginesSoftmaxOfItsReadoutAndNoneAhead() {
        Simulation sim = sim("sentiment");
        Snapshot s = step(sim, 4);
        SequenceFigure f = figure(s);
        assertThat(f.figure().texts()).contains("P(positive)", "what the model would say if the sentence ended here");
        List<String> numbers = labelsIn(f, "so-far").stream().map(Mark.Label::text)
                .filter(t -> t.matches("[0-9.]+")).toList();
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            double p = sim.model().probability(t, s.sequence().row(), 1);
            assertThat(SequenceValues.probabilityAt(s, t, 1)).isEqualTo(p);
            expected.add(SequenceSoFarRow.text(p, SequenceSoFarRow.DECIMAL));
        }
        assertThat(numbers).as("one number per word read so far").containsExactlyElementsOf(expected);
        assertThat(SequenceValues.probabilityAt(s, 4, 1)).isNaN();
    }

    @Test
    void aWordThatTurnsTheSentenceFlipsItsBarToTheOtherSideAndColour() {
        Snapshot s = step(sim("sentiment"), 2);
        ForwardColumn[] f = s.columns().forward().clone();
        f[0] = withProbabilities(f[0], 0.2, 0.8);
        f[1] = withProbabilities(f[1], 0.9, 0.1);
        Snapshot good = new Snapshot(s.version() + 1, s.run(), s.position(), s.sequence(),
                new Snapshot.Columns(f, s.columns().backward()), s.status());
        SequenceFigure fig = figure(good);
        SequenceTrack tr = fig.track("so-far").orElseThrow();
        assertThat(labelsIn(fig, "so-far")).extracting(Mark.Label::text).contains("0.80", "0.10");
        List<Mark.Rect> bars = fig.figure().marks().stream().filter(m -> m instanceof Mark.Rect).map(m -> (Mark.Rect) m)
                .filter(r -> r.y() >= tr.top() && r.y() + r.h() <= tr.bottom() && r.fill() != Mark.NONE).toList();
        assertThat(bars).hasSize(2);
        Mark.Rect positive = bars.get(0).x() < bars.get(1).x() ? bars.get(0) : bars.get(1);
        Mark.Rect negative = positive == bars.get(0) ? bars.get(1) : bars.get(0);
        assertThat(positive.fill()).isEqualTo(PAL.seriesArgb(0));
        assertThat(negative.fill()).isEqualTo(PAL.seriesArgb(1));
        assertThat(positive.y() + positive.h()).as("up from the ½ line").isLessThan(negative.y() + 1);
        assertThat(negative.h()).isGreaterThan(positive.h());
    }

    @Test
    void theLabelIsTheTargetAndTheAnswerIsNamedAtTheLastWord() {
        Simulation sim = sim("sentiment");
        sim.jumpToBackward();
        Snapshot s = sim.snapshot(null, false);
        int loss = SequenceValues.lossTicks(s).get(0);
        SequenceFigure f = figure(s);
        String label = s.sequence().classes()[loss] == 1 ? "positive" : "negative";
        assertThat(f.targetClass(loss)).isEqualTo(label);
        List<String> out = labelsIn(f, "output").stream().map(Mark.Label::text).toList();
        String said = sim.model().probability(loss, s.sequence().row(), 1) > 0.5 ? "positive" : "negative";
        assertThat(out).contains(said).hasSizeLessThanOrEqualTo(3);
        assertThat(out.stream().filter(t -> !t.equals("✗") && !t.equals("✓")).toList()).startsWith(label);
    }

    @Test
    void theOrderClassIsNamedAsTargetAndPredictionAndTheMarkersAreBold() {
        Simulation sim = sim("order");
        sim.jumpToBackward();
        Snapshot s = sim.snapshot(null, false);
        int last = s.position().steps() - 1;
        SequenceFigure f = figure(s);
        String target = f.targetClass(last);
        assertThat(target).isIn("XX", "XY", "YX", "YY");
        String predicted = f.predictedClass(last);
        assertThat(predicted).isIn("XX", "XY", "YX", "YY");
        List<String> out = labelsIn(f, "output").stream().map(Mark.Label::text).filter(t -> !t.matches("[✓✗]")).toList();
        assertThat(out).as("target, then prediction, only at the last tick").containsExactly(target, predicted);
        List<Mark.Label> bold = labelsIn(f, "input").stream().filter(l -> l.style().bold()).toList();
        assertThat(bold).extracting(Mark.Label::text).as("the two markers").hasSize(2)
                .allSatisfy(t -> assertThat(t).isIn("X", "Y"));
        assertThat(bold.get(0).text() + bold.get(1).text()).isEqualTo(target);
        assertThat(f.figure().texts()).contains("P(" + target + ")");
    }

    @Test
    void theEncoderDecoderShowsTwoPartsTheHandOverAndNoPlaceholder() {
        Simulation sim = sim("numbers");
        int enc = sim.model().encoderTicks();
        assertThat(enc).isPositive();
        for (int i = 1; i <= sim.steps(); i++) {
            SequenceFigure f = figure(step(sim, 1));
            assertThat(f.figure().texts()).as("after %d ticks", i).doesNotContain("-1")
                    .contains(EncoderDecoderParts.ENCODER, EncoderDecoderParts.DECODER, "h_" + enc + " →");
            for (int t = 0; t < enc; t++) {
                assertThat(f.predictedClass(t)).as("encoder tick %d says nothing", t).isNull();
            }
        }
        Snapshot s = sim.snapshot(null, false);
        SequenceFigure f = figure(s);
        Mark.Label hand = f.figure().labels().stream().filter(l -> l.text().equals("h_" + enc + " →"))
                .findFirst().orElseThrow();
        Mark.Label encoder = f.figure().labels().stream().filter(l -> l.text().equals(EncoderDecoderParts.ENCODER))
                .findFirst().orElseThrow();
        Mark.Label decoder = f.figure().labels().stream().filter(l -> l.text().equals(EncoderDecoderParts.DECODER))
                .findFirst().orElseThrow();
        SequenceTrack out = f.track("output").orElseThrow();
        SequenceTrack h = f.track("h").orElseThrow();
        SequenceTrack in = f.track("input").orElseThrow();
        double boundary = f.figure().marks().stream()
                .filter(m -> m instanceof Mark.Line l && l.x0() == l.x1() && l.y0() < in.top() && l.y1() > out.bottom())
                .mapToDouble(m -> ((Mark.Line) m).x0()).findFirst().orElseThrow();
        assertThat(encoder.x()).as("the encoder's title left of the hand-over line").isLessThan(boundary);
        assertThat(decoder.x()).isGreaterThan(boundary);
        assertThat(hand.x()).as("h_E beside the line").isBetween(boundary, boundary + 10);
        assertThat(hand.y()).as("in the h_t track").isBetween(h.top(), h.bottom());
        for (int t = enc; t < s.position().steps(); t++) {
            assertThat(f.predictedClass(t)).as("decoder tick %d", t).isNotNull().doesNotContain("-1");
        }
    }

    @Test
    void aSentenceTooLongForItsWidthIsReadThroughAWindowThatFollowsTheCursor() {
        Simulation sim = new Simulation(SimulationSettings.defaults().withTask("sentiment",
                Tasks.info("sentiment").defaultLength()).withHiddenSize(6).withBatchSize(16), DefaultTasks.factory());
        step(sim, 1);
        int longest = 0;
        int most = 0;
        for (int b = 0; b < 16; b++) {
            sim.selectRow(b);
            int n = SequenceValues.drawnTicks(sim.snapshot(null, false));
            if (n > most) {
                most = n;
                longest = b;
            }
        }
        sim.selectRow(longest);
        Snapshot first = sim.snapshot(null, false);
        int drawn = SequenceValues.drawnTicks(first);
        assertThat(drawn).as("the batch's longest sentence").isGreaterThanOrEqualTo(15);
        String[] words = first.sequence().inputLabels();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int tick = 0; tick < drawn; tick++) {
            Snapshot s = tick == 0 ? first : step(sim, 1);
            SequenceFigure f = SequenceFigure.of(s, 0, 330, 420, 16, TM, PAL);
            TickWindow w = f.window();
            assertThat(w.end() - w.first()).as("a window, not the whole sentence").isLessThan(drawn);
            assertThat(tick).as("the current word is in view").isBetween(w.first(), w.end() - 1);
            List<Mark.Label> in = labelsIn(f, "input");
            assertThat(in).extracting(Mark.Label::text).as("every word of the window, whole")
                    .containsExactlyInAnyOrderElementsOf(List.of(words).subList(w.first(), w.end()));
            for (int i = 0; i < in.size(); i++) {
                for (int j = i + 1; j < in.size(); j++) {
                    Mark.Label a = in.get(i);
                    Mark.Label b = in.get(j);
                    if (Math.abs(a.y() - b.y()) < TM.lineHeight(a.style()) - 0.5) {
                        assertThat(b.x() - a.x()).as("'%s' and '%s' apart", a.text(), b.text())
                                .isGreaterThanOrEqualTo((TM.width(a.text(), a.style()) + TM.width(b.text(), b.style())) / 2);
                    }
                }
                assertThat(in.get(i).style().size()).isGreaterThanOrEqualTo(SequenceFigure.MIN_TEXT);
            }
            assertThat(f.figure().hits()).extracting(Hit::id).contains("tick-" + tick)
                    .doesNotContain("tick-" + (w.end())).doesNotContain("tick-" + (w.first() - 1));
            for (int t = w.first(); t < w.end(); t++) {
                seen.add(t);
            }
        }
        assertThat(seen).as("stepping through, every word was in view").hasSize(drawn);
    }

    @Test
    void ofFourClassesEachTicksBarIsTheFollowedClasssProbabilityColouredByWhetherItIsTheAnswer() {
        Simulation sim = sim("order");
        sim.jumpToBackward();
        Snapshot s = sim.snapshot(null, false);
        SequenceFigure f = figure(s);
        int k = SequenceSoFarRow.followedClass(s);
        assertThat(k).isEqualTo(s.sequence().classes()[s.position().steps() - 1]);
        SequenceTrack tr = f.track("so-far").orElseThrow();
        List<Mark.Rect> bars = f.figure().marks().stream().filter(m -> m instanceof Mark.Rect).map(m -> (Mark.Rect) m)
                .filter(r -> r.y() >= tr.top() && r.y() + r.h() <= tr.bottom() && r.fill() != Mark.NONE).toList();
        assertThat(bars).hasSize(s.position().steps());
        List<Double> perUnit = new ArrayList<>();
        for (Hit hit : f.figure().hits()) {
            int t = Integer.parseInt(hit.id().substring("tick-".length()));
            Mark.Rect bar = bars.stream().filter(b -> b.x() + b.w() / 2 > hit.x() && b.x() + b.w() / 2 < hit.x() + hit.w())
                    .findFirst().orElseThrow();
            boolean answer = sim.model().argmax(t, s.sequence().row()) == k;
            assertThat(bar.fill()).as("tick %d", t + 1).isEqualTo(answer ? PAL.seriesArgb(0) : PAL.seriesArgb(1));
            double p = sim.model().probability(t, s.sequence().row(), k);
            assertThat(bar.y() + bar.h()).as("tick %d: from 0 up", t + 1).isCloseTo(tr.bottom() - 4,
                    org.assertj.core.data.Offset.offset(1e-9));
            if (bar.h() > 1.5) {
                perUnit.add(bar.h() / p);
            }
        }
        assertThat(perUnit).as("heights in proportion to P").isNotEmpty()
                .allSatisfy(u -> assertThat(u).isCloseTo(perUnit.get(0), org.assertj.core.data.Offset.offset(1e-6)));
    }

    private static ForwardColumn withProbabilities(ForwardColumn c, double p0, double p1) {
        return new ForwardColumn(c.tick(), c.x(), c.gates(), c.preacts(), c.h(), c.c(),
                new double[] {Math.log(p0), Math.log(p1)}, new double[] {p0, p1});
    }

    @Test
    void aViewTooShortForItsRowsAsksForRoomInsteadOfDrawingThemOverOneAnother() {
        Snapshot s = step(sim("text"), 12);
        // the sequence view of the text task in a 1280x720 window, the generation panel under it
        SequenceFigure small = SequenceFigure.of(s, 0, 620, 130, 14, TM, PAL);
        assertThat(small.figure().texts()).contains(SequenceFigure.ENLARGE).doesNotContain("target", "prediction");
        SequenceFigure enough = SequenceFigure.of(s, 0, 620, 300, 14, TM, PAL);
        assertThat(enough.figure().texts()).contains("target", "prediction").doesNotContain(SequenceFigure.ENLARGE);
        SequenceTrack ot = enough.track("output").orElseThrow();
        assertThat(ot.bottom() - ot.top()).isGreaterThanOrEqualTo(2 * 14 * 0.8);
    }
}

package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;

/**
 * A classifier's target and predicted classes are drawn whole at every size, as its inputs are:
 * when a character per tick does not fit the width, the figure shows fewer ticks around the
 * cursor rather than drawing only the narrow letters ("li rl i , lr ;" of a text's targets, as
 * the window showed before).
 */
class ClassRowsWholeTest {
    private static final TextMetrics TM = TextMetrics.monospace(0.6);
    private static final Palette PAL = org.rnnlab.ui.chart.ColorScales.light();

    @ParameterizedTest(name = "{0} at {1}×{2}, {3} px")
    @CsvSource({"text, 520, 300, 14", "text, 640, 360, 16", "text, 950, 520, 16", "text, 1400, 420, 20",
                "copy, 420, 300, 16", "numbers, 420, 300, 16", "order, 420, 300, 20"})
    void everyTargetAndPredictedClassInViewIsDrawnWholeAndApart(String task, double w, double h, double font) {
        Simulation sim = TaskSequenceFigureTest.sim(task);
        for (int steps = 0; steps < 14; steps++) {
            Snapshot s = TaskSequenceFigureTest.step(sim, 1);
            SequenceFigure f = SequenceFigure.of(s, 0, w, h, font, TM, PAL);
            TickWindow win = f.window();
            SequenceTrack ot = f.track("output").orElseThrow();
            List<String> targets = new ArrayList<>();
            List<String> predictions = new ArrayList<>();
            for (int t = win.first(); t < win.end(); t++) {
                String target = SequenceValues.targetClass(s, t);
                if (target != null) {
                    targets.add(target);
                }
                String pred = SequenceValues.predictedClass(s, t);
                boolean answerOnly = s.run().pattern() == org.rnnlab.task.IoPattern.MANY_TO_ONE;
                if (pred != null && !(answerOnly && target == null)) {
                    predictions.add(pred);
                }
            }
            List<Mark.Label> in = TaskSequenceFigureTest.labelsIn(f, "output").stream()
                    .filter(l -> !l.text().matches("[✓✗]")).toList();
            String at = task + " after " + (steps + 1) + " ticks, window " + win;
            assertThat(in.stream().filter(l -> l.y() < ot.middle()).map(Mark.Label::text).toList())
                    .as("every target class of %s", at).containsExactlyInAnyOrderElementsOf(targets);
            assertThat(in.stream().filter(l -> l.y() > ot.middle()).map(Mark.Label::text).toList())
                    .as("every predicted class of %s", at).containsExactlyInAnyOrderElementsOf(predictions);
            for (int i = 0; i < in.size(); i++) {
                Mark.Label a = in.get(i);
                assertThat(a.style().size()).as("'%s' in %s", a.text(), at).isGreaterThanOrEqualTo(SequenceFigure.MIN_TEXT);
                for (int j = i + 1; j < in.size(); j++) {
                    Mark.Label b = in.get(j);
                    if (Math.abs(a.y() - b.y()) < TM.lineHeight(a.style()) - 0.5) {
                        assertThat(Math.abs(b.x() - a.x())).as("'%s' and '%s' apart in %s", a.text(), b.text(), at)
                                .isGreaterThanOrEqualTo((TM.width(a.text(), a.style()) + TM.width(b.text(), b.style())) / 2);
                    }
                }
            }
        }
    }
}

package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.Figure;
import org.rnnlab.ui.figure.Mark;
import org.rnnlab.ui.figure.SequenceFigure;
import org.rnnlab.ui.figure.SequenceSoFarRow;
import org.rnnlab.ui.figure.SequenceValues;
import org.rnnlab.ui.figure.TickWindow;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.view.SequenceView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The sequence view of the applications as a teacher steps them in the window: the sentiment
 * sentence's words with P(positive) after each word read so far and the label as the target;
 * the temporal order's class named; the numbers task's encoder and decoder, and no "-1".
 */
class SequenceTasksWindowTest extends WindowFixture {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void sentimentShowsTheSentenceThePredictionAfterEachWordAndTheLabel(FxRobot robot) {
        open(robot, "sentiment");
        robot.clickOn("#stepForward").clickOn("#stepForward").clickOn("#stepForward");
        frame(robot);
        assertThat(text(robot, "#phase")).startsWith("Forward t=3/");
        Snapshot s = window.frameLoop().shown();
        List<String> texts = figure().figure().texts();
        TickWindow shown = figure().window();
        assertThat(shown.first()).as("the current word is in view").isLessThanOrEqualTo(2);
        assertThat(shown.end()).isGreaterThan(2);
        for (int t = shown.first(); t < shown.end(); t++) {
            assertThat(texts).as("word %d", t + 1).contains(s.sequence().inputLabels()[t]);
        }
        assertThat(texts).contains("P(positive)")
                .anySatisfy(t -> assertThat(t).startsWith("what the model would say if the sentence ended here"));
        org.rnnlab.training.Simulation engine = fresh(s.run().settings());
        for (int i = 0; i < 3; i++) {
            engine.stepForward();
        }
        List<String> decimal = new ArrayList<>();
        List<String> percent = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            double p = engine.model().probability(t, s.sequence().row(), 1);
            decimal.add(SequenceSoFarRow.text(p, SequenceSoFarRow.DECIMAL));
            percent.add(SequenceSoFarRow.text(p, SequenceSoFarRow.PERCENT));
        }
        assertThat(texts.containsAll(decimal) || texts.containsAll(percent))
                .as("P(positive) after words 1–3: %s or %s in %s", decimal, percent, texts).isTrue();
        assertThat(SequenceValues.probabilityAt(s, 3, 1)).as("nothing ahead of the current word").isNaN();

        // stepping on, the window follows the cursor: every word of the sentence is read whole
        int drawn = SequenceValues.drawnTicks(s);
        java.util.Set<Integer> read = new java.util.HashSet<>();
        for (int t = 3; t <= drawn; t++) {
            Snapshot now = window.frameLoop().shown();
            int tick = now.position().tick();
            TickWindow w = figure().window();
            assertThat(tick).as("t=%d in view", tick + 1).isBetween(w.first(), w.end() - 1);
            for (int k = w.first(); k < w.end(); k++) {
                assertThat(figure().figure().texts()).contains(now.sequence().inputLabels()[k]);
                read.add(k);
            }
            robot.clickOn("#stepForward");
            frame(robot);
        }
        assertThat(read).as("every word was shown").hasSize(drawn);

        robot.clickOn("#jumpBackward");
        frame(robot);
        s = window.frameLoop().shown();
        int loss = SequenceValues.lossTicks(s).get(0);
        String label = s.sequence().classes()[loss] == 1 ? "positive" : "negative";
        assertThat(figure().targetClass(loss)).isEqualTo(label);
        assertThat(figure().figure().texts()).contains(label);
    }

    /**
     * The window follows training batches, where word dropout reads some words as &lt;unk&gt;: a
     * person still reads the sentence as written, the dropped words struck out and muted, with
     * the legend saying what that means.
     */
    @Test
    void aTrainingSentenceShowsItsWordsAsWrittenWithTheDroppedOnesStruckOut(FxRobot robot) {
        open(robot, "sentiment");
        Snapshot s = window.frameLoop().shown();
        for (int tries = 1; tries <= 30 && s.sequence().inputReadAs() == null; tries++) {
            long seed = 42 + tries;
            robot.interact(() -> window.settings().replace(window.settings().settings().withSeed(seed)));
            frame(robot);
            s = window.frameLoop().shown();
        }
        assertThat(s.sequence().inputReadAs()).as("a followed sentence with a dropped word").isNotNull();
        org.rnnlab.training.Simulation engine = fresh(s.run().settings());
        org.rnnlab.task.SentimentTask task = (org.rnnlab.task.SentimentTask) engine.task();
        String[] labels = s.sequence().inputLabels();
        List<String> words = new ArrayList<>();
        for (String w : labels) {
            if (w.equals(org.rnnlab.task.Vocabulary.PAD_WORD)) {
                break;
            }
            words.add(w);
        }
        String shown = String.join(" ", words);
        assertThat(task.trainSentences()).as("the words shown are a training sentence as written: %s", shown)
                .anySatisfy(x -> assertThat(String.join(" ", org.rnnlab.task.WordTokenizer.tokenize(x.text())
                        .stream().map(w -> task.words().contains(w) ? w : "<unk>").toList())).isEqualTo(shown));
        // what the network read: the engine's batch has <unk> where the window strikes the word out
        var settings = s.run().settings();
        org.rnnlab.engine.SequenceBatch read = (org.rnnlab.engine.SequenceBatch) new org.rnnlab.training.BatchStream(
                task, settings.batchSize(), settings.seed()).batch(s.position().iteration());
        Figure f = figure().figure();
        TickWindow w = figure().window();
        int struck = 0;
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int t = w.first(); t < w.end() && t < words.size(); t++) {
            int token = read.tokens()[read.index(t, s.sequence().row())];
            boolean dropped = s.sequence().readOtherwise(t);
            assertThat(dropped).as("word %d '%s' read as %s", t + 1, labels[t], task.inputLabel(token))
                    .isEqualTo(token == org.rnnlab.task.Vocabulary.UNKNOWN && !labels[t].equals("<unk>"));
            String word = labels[t];
            Mark.Label label = f.labels().stream().filter(l -> l.text().equals(word)).findFirst().orElseThrow();
            boolean lined = f.marks().stream().anyMatch(m -> m instanceof Mark.Line line
                    && Math.abs(line.y0() - label.y()) < 1e-9 && line.x0() < label.x() && line.x1() > label.x());
            assertThat(lined).as("'%s' struck out", word).isEqualTo(dropped);
            if (dropped) {
                struck++;
                colours.add(label.color());
            }
        }
        int readWord = f.labels().stream().filter(l -> l.text().equals(labels[0])).findFirst().orElseThrow().color();
        if (!s.sequence().readOtherwise(0)) {
            assertThat(colours).as("dropped words are muted").doesNotContain(readWord);
        }
        assertThat(struck).as("a struck word in view").isPositive();
        assertThat(f.texts()).contains("struck out: read as <unk> (word dropout)");
    }

    @Test
    void theOrderTaskNamesItsClassAndTheNumbersTaskItsTwoParts(FxRobot robot) {
        open(robot, "order");
        robot.clickOn("#jumpBackward");
        frame(robot);
        Snapshot s = window.frameLoop().shown();
        int last = s.position().steps() - 1;
        String target = figure().targetClass(last);
        assertThat(target).isIn("XX", "XY", "YX", "YY");
        assertThat(figure().figure().texts()).contains(target, figure().predictedClass(last), "P(" + target + ")");

        open(robot, "numbers");
        robot.clickOn("#stepForward").clickOn("#stepForward");
        frame(robot);
        assertThat(figure().figure().texts()).doesNotContain("-1")
                .anySatisfy(t -> assertThat(t).startsWith("Encoder")).anySatisfy(t -> assertThat(t).startsWith("Decoder"));
        robot.clickOn("#jumpBackward");
        frame(robot);
        s = window.frameLoop().shown();
        assertThat(figure().figure().texts()).doesNotContain("-1");
        for (int t = s.run().encoderTicks(); t < s.position().steps(); t++) {
            assertThat(figure().figure().texts()).contains(figure().predictedClass(t));
        }
    }

    private void open(FxRobot robot, String task) {
        frame(robot);
        if (!robot.lookup("#task").tryQuery().map(n -> n.isVisible()).orElse(false)) {
            robot.clickOn("#toggleControls");
        }
        robot.clickOn("#task");
        robot.clickOn(AppTasks.title(task));
        frame(robot);
        assertThat(window.frameLoop().shown().run().settings().taskId()).isEqualTo(task);
    }

    private SequenceFigure figure() {
        return ((SequenceView) window.views().view("sequence")).figure();
    }
}

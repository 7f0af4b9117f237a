package org.rnnlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LessonCatalogTest {
    private static final List<String> EXPECTED = List.of("sequential-data", "io-patterns", "vanishing-gradients",
            "exploding-gradients", "lstm-gates", "gru-gates", "forget-bias", "rnn-lstm-gru", "gate-surgery",
            "deep-rnns", "bidirectional");

    @Test
    void everyBuiltInLessonLoadsInMenuOrder() {
        LessonCatalog c = Lessons.all();
        assertThat(c.problems()).isEmpty();
        assertThat(c.ids()).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void everyLessonHasFiveToTwelveStepsAndAPredictionPause() {
        for (Lesson l : Lessons.all().lessons()) {
            assertThat(l.stepCount()).as(l.id()).isBetween(5, 12);
            assertThat(l.steps()).as(l.id() + " has a predict-then-reveal pause").anyMatch(LessonStep::hasPrediction);
            assertThat(l.title()).isNotBlank();
            assertThat(l.summary()).isNotBlank();
        }
    }

    @Test
    void stepTextsAreOneToThreeSentences() {
        Pattern end = Pattern.compile("[.!?](\\s+(?=[A-Z\"(])|\\s*$)");
        List<String> tooLong = new ArrayList<>();
        for (Lesson l : Lessons.all().lessons()) {
            for (int i = 0; i < l.stepCount(); i++) {
                Matcher m = end.matcher(l.step(i).text());
                int sentences = 0;
                while (m.find()) {
                    sentences++;
                }
                if (sentences < 1 || sentences > 3) {
                    tooLong.add(l.id() + " step " + i + ": " + sentences + " sentences");
                }
            }
        }
        assertThat(tooLong).isEmpty();
    }

    @Test
    void lessonsUseOnlyCourseTasksAndStartFromTheirOwnSettings() {
        for (Lesson l : Lessons.all().lessons()) {
            assertThat(LessonReader.COURSE_TASKS).as(l.id()).contains(l.settings().taskId());
            LessonAction first = l.step(0).actions().isEmpty() ? null : l.step(0).actions().get(0);
            assertThat(first).as(l.id() + " begins by setting up its run")
                    .isInstanceOfAny(LessonAction.Reset.class, LessonAction.Compare.class);
            for (LessonStep s : l.steps()) {
                for (LessonAction a : s.actions()) {
                    if (a instanceof LessonAction.Reset r) {
                        assertThat(LessonReader.COURSE_TASKS).contains(r.settings().taskId());
                    }
                }
            }
        }
    }

    @Test
    void theTaskIdsTheLessonsRelyOn() {
        List<String> used = new ArrayList<>();
        for (Lesson l : Lessons.all().lessons()) {
            for (LessonStep s : l.steps()) {
                for (LessonAction a : s.actions()) {
                    if (a instanceof LessonAction.Reset r && !used.contains(r.settings().taskId())) {
                        used.add(r.settings().taskId());
                    }
                    if (a instanceof LessonAction.Compare c && !used.contains(c.settings().taskId())) {
                        used.add(c.settings().taskId());
                    }
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrder("sine", "airline", "sentiment", "speech", "adding", "copy", "numbers");
    }
}

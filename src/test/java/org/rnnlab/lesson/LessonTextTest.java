package org.rnnlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lesson texts reach the screen with real sub- and superscripts, no underscores or braces. */
class LessonTextTest {
    @Test
    void scriptsBecomeSubAndSuperscriptCharacters() {
        assertThat(LessonText.display("h_{t−1} and c_t")).isEqualTo("hₜ₋₁ and cₜ");
        assertThat(LessonText.display("W_hh has σ_max 10^{−5}, x^2.")).isEqualTo("Wₕₕ has σₘₐₓ 10⁻⁵, x².");
        assertThat(LessonText.display("||dL/dc_1|| at i_1")).isEqualTo("||dL/dc₁|| at i₁");
        // no Unicode subscript for f: left as written rather than half converted
        assertThat(LessonText.display("W_hf")).isEqualTo("W_hf");
        assertThat(LessonText.display("plain text, no scripts")).isEqualTo("plain text, no scripts");
        assertThat(LessonText.display(null)).isNull();
    }

    @Test
    void everyLessonsTextsShowNoNotation() {
        List<String> left = new ArrayList<>();
        for (Lesson lesson : Lessons.all().lessons()) {
            for (LessonStep step : lesson.steps()) {
                List<String> shown = new ArrayList<>(List.of(LessonText.display(step.text())));
                Prediction p = step.prediction();
                if (p != null) {
                    shown.add(LessonText.display(p.question()));
                    shown.add(LessonText.display(p.explanation()));
                    p.choices().forEach(c -> shown.add(LessonText.display(c)));
                }
                for (String s : shown) {
                    for (String word : s.split("\\s+")) {
                        if (word.matches(".*[A-Za-z0-9)][_^][{A-Za-z0-9].*")) {
                            left.add(lesson.id() + ": " + word);
                        }
                    }
                }
            }
        }
        assertThat(left).isEmpty();
    }
}

package org.rnnlab.lesson;

import java.util.List;

/**
 * One step of a lesson: what the teacher says (a few plain sentences), what the window does, and
 * optionally a "predict, then reveal" pause. Without a pause the actions run when the step is
 * entered; with one they run when the answer is revealed, so the class guesses first.
 *
 * @param text       1–3 sentences for the class
 * @param actions    in order, possibly none
 * @param prediction the pause, or null
 */
public record LessonStep(String text, List<LessonAction> actions, Prediction prediction) {
    public LessonStep {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must be given");
        }
        actions = List.copyOf(actions);
    }

    public boolean hasPrediction() {
        return prediction != null;
    }
}

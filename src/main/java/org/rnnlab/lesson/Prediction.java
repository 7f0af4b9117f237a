package org.rnnlab.lesson;

import java.util.List;

/**
 * A "predict, then reveal" pause: the class answers {@code question} before the step's actions
 * run; revealing shows {@code explanation} (and which choice was right) and only then runs them.
 *
 * @param question    what the class is asked
 * @param choices     2–4 answers to choose from, or empty for a free answer (discussed, then revealed)
 * @param answer      index of the correct choice, −1 for a free answer
 * @param explanation shown on reveal
 */
public record Prediction(String question, List<String> choices, int answer, String explanation) {
    public Prediction {
        choices = List.copyOf(choices);
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question must be given");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation must be given");
        }
        if (!choices.isEmpty() && (choices.size() < 2 || choices.size() > 4)) {
            throw new IllegalArgumentException("choices must be 2 to 4, or none for a free answer; were " + choices.size());
        }
        if (choices.isEmpty() ? answer != -1 : answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("answer must be a choice's index (or −1 for a free answer), was " + answer);
        }
    }

    /** True when the class answers freely rather than choosing. */
    public boolean isFreeAnswer() {
        return choices.isEmpty();
    }

    /** The letter shown beside choice {@code i}: A, B, C, D. */
    public static String letter(int i) {
        return String.valueOf((char) ('A' + i));
    }

    /** The correct choice's text, or null for a free answer. */
    public String correctChoice() {
        return isFreeAnswer() ? null : choices.get(answer);
    }
}

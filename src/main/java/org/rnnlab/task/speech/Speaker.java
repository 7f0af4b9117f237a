package org.rnnlab.task.speech;

/** An FSDD speaker as listed in the dataset's {@code speakers.csv}. */
public record Speaker(String name, String gender, String accent, String language) {
}

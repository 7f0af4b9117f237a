package org.rnnlab.training;

import org.rnnlab.task.IoPattern;
import org.rnnlab.task.Task;

/**
 * The model a run's settings build, named layer by layer from the input up as a Keras summary
 * would list it: "Embedding(812, 16) → Bidirectional(LSTM 16) → Bidirectional(LSTM 16) → Dense"
 * (a merge mode other than concat is named: "Bidirectional(LSTM 16, sum)").
 * The one place the name is made, for the command line and the window's status line.
 */
public final class ModelNames {
    private ModelNames() {}

    /** The Keras-style name of the model {@link ModelFactory#model} builds for {@code task}. */
    public static String keras(SimulationSettings s, Task task) {
        String layer = s.cell().name() + " " + s.hiddenSize();
        if (task.pattern() == IoPattern.ENCODER_DECODER) {
            return "Embedding(" + task.inputSize() + ", " + s.embeddingSize() + ") → encoder " + layer
                    + " → decoder " + layer + " → Dense";
        }
        StringBuilder sb = new StringBuilder();
        if (task.vocabulary() > 0) {
            sb.append("Embedding(").append(task.vocabulary()).append(", ").append(s.embeddingSize()).append(") → ");
        }
        for (int k = 0; k < s.layers(); k++) {
            String merge = s.merge() == org.rnnlab.engine.DeepRecurrent.Merge.CONCAT ? "" : ", " + s.merge().keras();
            sb.append(s.bidirectional() ? "Bidirectional(" + layer + merge + ")" : layer).append(" → ");
        }
        return sb.append("Dense").toString();
    }
}

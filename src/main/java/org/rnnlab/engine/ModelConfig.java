package org.rnnlab.engine;

/**
 * A sequence model: optional embedding, one recurrent cell, a linear readout and a loss.
 *
 * @param cell       the cell; its input size is the embedding size when {@code vocabulary} > 0
 * @param vocabulary V for token inputs through a learned embedding, or 0 for dense inputs
 * @param outputSize Y, outputs or classes
 * @param loss       MSE or cross-entropy
 */
public record ModelConfig(CellConfig cell, int vocabulary, int outputSize, LossKind loss) {
    public ModelConfig {
        if (cell == null) {
            throw new IllegalArgumentException("cell must be given");
        }
        if (vocabulary < 0) {
            throw new IllegalArgumentException("vocabulary size must be 0 (dense inputs) or more, was " + vocabulary);
        }
        if (outputSize <= 0) {
            throw new IllegalArgumentException("output size must be at least 1, was " + outputSize);
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss must be given");
        }
    }

    /** The width of a batch's input: V for tokens, X for dense inputs. */
    public int batchInputSize() {
        return vocabulary > 0 ? vocabulary : cell.inputSize();
    }

    /** Refuses a batch whose input width, output width or kind of targets does not fit this model. */
    public void checkBatch(SequenceBatch b) {
        if (b.inputSize() != batchInputSize()) {
            throw new IllegalArgumentException("batch input size " + b.inputSize() + " does not match the model's "
                    + batchInputSize());
        }
        if (b.outputSize() != outputSize()) {
            throw new IllegalArgumentException("batch output size " + b.outputSize() + " does not match the model's "
                    + outputSize());
        }
        if (b.isClassification() != (loss() == LossKind.CROSS_ENTROPY)) {
            throw new IllegalArgumentException("batch targets (" + (b.isClassification() ? "classes" : "values")
                    + ") do not suit the loss " + loss());
        }
    }

    public ModelConfig withCell(CellConfig c) {
        return new ModelConfig(c, vocabulary, outputSize, loss);
    }
}

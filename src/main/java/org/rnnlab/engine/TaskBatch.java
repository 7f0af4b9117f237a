package org.rnnlab.engine;

/** What a task hands a model: one batch of sequences, or source–target pairs for an encoder-decoder. */
public sealed interface TaskBatch permits SequenceBatch, Seq2SeqBatch {
    /** The number of sequences B. */
    int batch();
}

package org.rnnlab.engine;

/**
 * Source and target sequences for an encoder-decoder (Sutskever, Vinyals &amp; Le 2014; Cho et
 * al. 2014): the encoder reads {@code source} (its loss mask is ignored, its targets unused),
 * the decoder starts from the encoder's final state and reads {@code target}'s inputs
 * (teacher forcing: the start token, then the previous target tokens) with its classes as
 * targets. Both have the same batch size.
 *
 * @param source encoder inputs [T_src·B]
 * @param target decoder inputs and targets [T_tgt·B]
 */
public record Seq2SeqBatch(SequenceBatch source, SequenceBatch target) implements TaskBatch {
    public Seq2SeqBatch {
        if (source == null || target == null) {
            throw new IllegalArgumentException("source and target must both be given");
        }
        if (source.batch() != target.batch()) {
            throw new IllegalArgumentException("source batch " + source.batch() + " and target batch "
                    + target.batch() + " differ");
        }
    }

    @Override
    public int batch() {
        return source.batch();
    }
}

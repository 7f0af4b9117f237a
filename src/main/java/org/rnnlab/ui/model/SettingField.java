package org.rnnlab.ui.model;

/** The controls of the side panel, each of which may be refused with a reason shown beside it. */
public enum SettingField {
    CELL("cell"),
    RNN_ACTIVATION("RNN activation"),
    FORGET_GATE("forget gate"),
    FORGET_BIAS("forget-gate bias"),
    GRU_VARIANT("GRU variant"),
    HIDDEN_SIZE("hidden size"),
    LAYERS("layers"),
    BIDIRECTIONAL("bidirectional"),
    MERGE("merge mode"),
    TASK("task"),
    SEQUENCE_LENGTH("sequence length"),
    BATCH_SIZE("batch size"),
    INIT("initialiser"),
    SPECTRAL_RADIUS("spectral radius"),
    LEARNING_RATE("learning rate"),
    OPTIMIZER("optimizer"),
    CLIP("clipping"),
    CLIP_THRESHOLD("clip threshold"),
    SEED("seed"),
    CLAMP("gate clamp");

    private final String label;

    SettingField(String label) {
        this.label = label;
    }

    /** The name people read beside the control, also used in error messages. */
    public String label() {
        return label;
    }
}

package org.rnnlab.engine;

import java.util.Locale;

/**
 * How {@link Initializer} draws a cell's weights. H is the hidden size, X the input size; a "gate
 * block" is the H rows of one gate in {@code weight_ih} [G·H × X] or {@code weight_hh} [G·H × H].
 */
public enum InitScheme {
    /**
     * PyTorch's {@code RNNBase.reset_parameters}: every parameter ~ U(−1/√H, 1/√H), drawn in the
     * order weight_ih, weight_hh, bias_ih, bias_hh.
     */
    PYTORCH_DEFAULT("pytorch"),
    /**
     * Glorot &amp; Bengio 2010: each gate block ~ U(±√(6 / (fan_in + fan_out))), fan_in = X for
     * weight_ih and H for weight_hh, fan_out = H; biases 0.
     */
    GLOROT_UNIFORM("glorot"),
    /**
     * Saxe, McClelland &amp; Ganguli 2014: each gate block of weight_hh an orthogonal matrix, as
     * {@code torch.nn.init.orthogonal_}; weight_ih Glorot uniform; biases 0.
     */
    ORTHOGONAL("orthogonal"),
    /**
     * Le, Jaitly &amp; Hinton 2015 (IRNN): each gate block of weight_hh the identity; weight_ih
     * ~ N(0, σ²) with σ = 0.001; biases 0. Meant for a ReLU RNN; applied to every block of
     * other cells.
     */
    IDENTITY("identity");

    private final String cliName;

    InitScheme(String cliName) {
        this.cliName = cliName;
    }

    /** "pytorch", "glorot", "orthogonal", "identity". */
    public String cliName() {
        return cliName;
    }

    /**
     * The scheme with this CLI name or constant name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static InitScheme parse(String name) {
        if (name != null) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            for (InitScheme s : values()) {
                if (s.cliName.equals(n) || s.name().toLowerCase(Locale.ROOT).equals(n)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException(
                "init scheme must be one of pytorch, glorot, orthogonal, identity, was '" + name + "'");
    }
}

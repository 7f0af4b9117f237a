package org.rnnlab.engine.layers;

/**
 * Keras {@code Masking(mask_value)}: step t of row b is masked when every feature equals
 * {@code maskValue}; the output is the input with masked steps set to 0, and the mask travels on.
 */
public record MaskingLayer(String name, double maskValue) implements Layer {

    @Override
    public int outputWidth(int in) {
        return in;
    }

    @Override
    public LayerValue forward(LayerValue in) {
        int w = in.width();
        double[] out = in.data().clone();
        boolean[] mask = new boolean[in.steps() * in.batch()];
        for (int r = 0; r < mask.length; r++) {
            boolean any = false;
            for (int j = 0; j < w; j++) {
                any |= out[r * w + j] != maskValue;
            }
            boolean keep = any && in.kept(r / in.batch(), r % in.batch());
            mask[r] = keep;
            if (!keep) {
                java.util.Arrays.fill(out, r * w, (r + 1) * w, 0.0);
            }
        }
        return new LayerValue(out, in.batch(), in.steps(), w, in.sequence(), mask);
    }
}

package org.rnnlab.engine;

/**
 * How to initialise a cell's weights; see {@link Initializer}.
 *
 * @param scheme         how the weights are drawn
 * @param spectralRadius Double.NaN leaves weight_hh as drawn; otherwise each gate block of
 *                       weight_hh is scaled so that its spectral radius (largest |eigenvalue|) is
 *                       this value, finite and > 0
 * @param forgetBias     Double.NaN leaves the biases as drawn; otherwise, for an LSTM with a forget
 *                       gate only, the forget block of bias_ih is set to this value and that of
 *                       bias_hh to 0 (so b_if + b_hf = forgetBias; Gers et al. 2000, Jozefowicz
 *                       et al. 2015 use 1)
 * @param seed           seed of the one {@link java.util.SplittableRandom} all draws come from
 */
public record InitConfig(InitScheme scheme, double spectralRadius, double forgetBias, long seed) {

    public InitConfig {
        if (scheme == null) {
            throw new IllegalArgumentException("init scheme must be given, was null");
        }
        if (!Double.isNaN(spectralRadius) && !(Double.isFinite(spectralRadius) && spectralRadius > 0)) {
            throw new IllegalArgumentException(
                    "spectral radius must be a finite number > 0 (or NaN to leave it as drawn), was " + spectralRadius);
        }
        if (Double.isInfinite(forgetBias)) {
            throw new IllegalArgumentException(
                    "forget bias must be a finite number (or NaN to leave it as drawn), was " + forgetBias);
        }
    }

    /** The scheme alone: no spectral radius scaling, no forget bias. */
    public static InitConfig of(InitScheme scheme, long seed) {
        return new InitConfig(scheme, Double.NaN, Double.NaN, seed);
    }

    /** PyTorch's default uniform initialisation. */
    public static InitConfig pytorchDefault(long seed) {
        return of(InitScheme.PYTORCH_DEFAULT, seed);
    }

    public InitConfig withScheme(InitScheme s) {
        return new InitConfig(s, spectralRadius, forgetBias, seed);
    }

    /** @param r finite and > 0, or NaN for none */
    public InitConfig withSpectralRadius(double r) {
        return new InitConfig(scheme, r, forgetBias, seed);
    }

    /** @param b finite, or NaN for none */
    public InitConfig withForgetBias(double b) {
        return new InitConfig(scheme, spectralRadius, b, seed);
    }

    public InitConfig withSeed(long s) {
        return new InitConfig(scheme, spectralRadius, forgetBias, s);
    }

    public boolean scalesSpectralRadius() {
        return !Double.isNaN(spectralRadius);
    }

    public boolean setsForgetBias() {
        return !Double.isNaN(forgetBias);
    }
}

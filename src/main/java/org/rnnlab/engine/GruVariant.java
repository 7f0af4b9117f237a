package org.rnnlab.engine;

/**
 * Where the GRU's reset gate acts on the candidate state n.
 *
 * <ul>
 *   <li>{@link #PYTORCH}: n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), reset after the
 *       recurrent product (PyTorch, cuDNN, Keras {@code reset_after=True}).</li>
 *   <li>{@link #CHO_2014}: n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn), reset applied to h
 *       before the recurrent product, as in Cho et al. 2014, eq. 8.</li>
 * </ul>
 */
public enum GruVariant {
    PYTORCH, CHO_2014
}

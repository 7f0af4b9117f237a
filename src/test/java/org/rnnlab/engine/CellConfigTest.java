package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A cell's description: sizes refused at their exact bounds, counts, gates and equations. */
class CellConfigTest {
    @Test
    void sizesStartAtOne() {
        assertThatThrownBy(() -> CellConfig.lstm(0, 3)).hasMessage("input size must be at least 1, was 0");
        assertThatThrownBy(() -> CellConfig.lstm(3, 0)).hasMessage("hidden size must be at least 1, was 0");
        assertThat(CellConfig.lstm(1, 1).parameterCount()).isEqualTo(4 * 2 + 2 * 4);
    }

    /** G·H·(X + H) weights and 2·G·H biases. */
    @Test
    void parameterCountIsTheWeightsAndBothBiases() {
        assertThat(CellConfig.rnn(3, 5).parameterCount()).isEqualTo(5 * 8 + 2 * 5);
        assertThat(CellConfig.lstm(3, 5).parameterCount()).isEqualTo(20 * 8 + 2 * 20);
        assertThat(CellConfig.gru(2, 7).parameterCount()).isEqualTo(21 * 9 + 2 * 21);
        assertThat(CellConfig.lstm(3, 5).withForgetGate(false).parameterCount()).isEqualTo(15 * 8 + 2 * 15);
    }

    @Test
    void anRnnsActivationSetsItsNonlinearity() {
        CellConfig relu = CellConfig.rnn(2, 3).withActivations(Activation.RELU, Activation.SIGMOID);
        assertThat(relu.rnnActivation()).isEqualTo(Nonlinearity.RELU);
        assertThat(relu.label()).isEqualTo("RNN (ReLU)");
        assertThat(CellConfig.rnn(2, 3).withRnnActivation(Nonlinearity.RELU).withActivations(Activation.TANH,
                Activation.SIGMOID).rnnActivation()).isEqualTo(Nonlinearity.TANH);
    }

    @Test
    void otherActivationsAppearInTheGateEquations() {
        CellConfig hard = CellConfig.lstm(2, 3).withActivations(Activation.RELU, Activation.HARD_SIGMOID);
        assertThat(hard.gates()).extracting(GateSpec::equation)
                .allSatisfy(e -> assertThat(e).doesNotContain("= σ(").doesNotContain("tanh("));
        assertThat(hard.gates().get(0).equation()).contains("= hardσ(");
        assertThat(hard.gates().get(2).equation()).contains("= ReLU(");
        assertThat(CellConfig.lstm(2, 3).gates().get(0).equation()).contains("= σ(");
    }

    @Test
    void stateEquationsFollowTheForgetGate() {
        assertThat(CellConfig.lstm(2, 3).stateEquations()).containsExactly("c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t",
                "h_t = o_t ⊙ tanh(c_t)");
        assertThat(CellConfig.lstm(2, 3).withForgetGate(false).stateEquations()).containsExactly(
                "c_t = c_{t−1} + i_t ⊙ g_t", "h_t = o_t ⊙ tanh(c_t)");
        assertThat(CellConfig.gru(2, 3).stateEquations()).containsExactly("h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}");
        assertThat(CellConfig.rnn(2, 3).stateEquations()).isEmpty();
    }

    @Test
    void theGruCandidateFollowsItsVariant() {
        assertThat(CellConfig.gru(2, 3).gates().get(2).equation())
                .isEqualTo("n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn))");
        assertThat(CellConfig.gru(2, 3).withGruVariant(GruVariant.CHO_2014).gates().get(2).equation())
                .isEqualTo("n_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t−1}) + b_hn)");
    }
}

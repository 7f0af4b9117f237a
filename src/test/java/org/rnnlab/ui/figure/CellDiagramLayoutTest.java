package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellDiagramLayoutTest {
    @Test
    void resetOperandIsReadFromTheCandidateEquation() {
        assertThat(CellDiagramLayout.resetOperand("n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn))"))
                .isEqualTo("W_hn h_{t−1} + b_hn");
        assertThat(CellDiagramLayout.resetOperand("n_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t−1}) + b_hn)"))
                .isEqualTo("h_{t−1}");
        assertThat(CellDiagramLayout.resetOperand("h_t = tanh(x)")).isNull();
    }
}

package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptimizerKindTest {

    @Test
    void parsesNamesIgnoringCase() {
        assertThat(OptimizerKind.parse("sgd")).isEqualTo(OptimizerKind.SGD);
        assertThat(OptimizerKind.parse("Momentum")).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(OptimizerKind.parse(" RMSprop ")).isEqualTo(OptimizerKind.RMSPROP);
        assertThat(OptimizerKind.parse("ADAM")).isEqualTo(OptimizerKind.ADAM);
        for (OptimizerKind k : OptimizerKind.values()) {
            assertThat(OptimizerKind.parse(k.cliName())).isEqualTo(k);
        }
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> OptimizerKind.parse("adagrad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer must be one of sgd, momentum, rmsprop, adam, was 'adagrad'");
        assertThatThrownBy(() -> OptimizerKind.parse(null)).hasMessageContaining("was 'null'");
    }

    @Test
    void createsEachKindWithTorchDefaults() {
        assertThat(OptimizerKind.SGD.create(0.1)).isInstanceOf(Sgd.class);
        Momentum m = (Momentum) OptimizerKind.MOMENTUM.create(0.1);
        assertThat(m.momentum()).isEqualTo(0.9);
        RmsProp r = (RmsProp) OptimizerKind.RMSPROP.create(0.01);
        assertThat(r.alpha()).isEqualTo(0.99);
        assertThat(r.eps()).isEqualTo(1e-8);
        Adam a = (Adam) OptimizerKind.ADAM.create(0.001);
        assertThat(a.beta1()).isEqualTo(0.9);
        assertThat(a.beta2()).isEqualTo(0.999);
        assertThat(a.eps()).isEqualTo(1e-8);
        assertThat(a.learningRate()).isEqualTo(0.001);
        for (OptimizerKind k : OptimizerKind.values()) {
            assertThat(k.create(0.1).kind()).isEqualTo(k);
            assertThatThrownBy(() -> k.create(Double.NaN)).hasMessageContaining("learning rate");
        }
        assertThat(OptimizerKind.RMSPROP.title()).isEqualTo("RMSprop");
    }
}

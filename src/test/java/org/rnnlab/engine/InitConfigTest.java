package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InitConfigTest {

    @Test
    void defaultsLeaveRadiusAndForgetBiasAsDrawn() {
        InitConfig c = InitConfig.pytorchDefault(7);
        assertThat(c.scheme()).isEqualTo(InitScheme.PYTORCH_DEFAULT);
        assertThat(c.spectralRadius()).isNaN();
        assertThat(c.forgetBias()).isNaN();
        assertThat(c.scalesSpectralRadius()).isFalse();
        assertThat(c.setsForgetBias()).isFalse();
        assertThat(c.seed()).isEqualTo(7);
        InitConfig d = c.withSpectralRadius(0.9).withForgetBias(0.0).withScheme(InitScheme.ORTHOGONAL).withSeed(8);
        assertThat(d).isEqualTo(new InitConfig(InitScheme.ORTHOGONAL, 0.9, 0.0, 8));
        assertThat(d.scalesSpectralRadius()).isTrue();
        assertThat(d.setsForgetBias()).isTrue();
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        assertThatThrownBy(() -> InitConfig.pytorchDefault(1).withSpectralRadius(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spectral radius must be a finite number > 0 (or NaN to leave it as drawn), was -1.0");
        assertThatThrownBy(() -> InitConfig.pytorchDefault(1).withSpectralRadius(0)).hasMessageContaining("was 0.0");
        assertThatThrownBy(() -> InitConfig.pytorchDefault(1).withSpectralRadius(Double.POSITIVE_INFINITY))
                .hasMessageContaining("spectral radius").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> InitConfig.pytorchDefault(1).withForgetBias(Double.NEGATIVE_INFINITY))
                .hasMessage("forget bias must be a finite number (or NaN to leave it as drawn), was -Infinity");
        assertThatThrownBy(() -> InitConfig.of(null, 1)).hasMessage("init scheme must be given, was null");
    }

    @Test
    void schemesParseByCliNameOrConstant() {
        assertThat(InitScheme.parse("pytorch")).isEqualTo(InitScheme.PYTORCH_DEFAULT);
        assertThat(InitScheme.parse("PYTORCH_DEFAULT")).isEqualTo(InitScheme.PYTORCH_DEFAULT);
        assertThat(InitScheme.parse("Glorot")).isEqualTo(InitScheme.GLOROT_UNIFORM);
        assertThat(InitScheme.parse("orthogonal")).isEqualTo(InitScheme.ORTHOGONAL);
        assertThat(InitScheme.parse("identity")).isEqualTo(InitScheme.IDENTITY);
        assertThatThrownBy(() -> InitScheme.parse("xavier"))
                .hasMessage("init scheme must be one of pytorch, glorot, orthogonal, identity, was 'xavier'");
    }
}

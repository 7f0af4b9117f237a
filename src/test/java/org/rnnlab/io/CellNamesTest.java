package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GruVariant;
import org.rnnlab.engine.Nonlinearity;

/**
 * The {@code cell} and {@code convention} names written for each cell config, and that
 * {@link CellNames#parse} reads them back to the same config.
 */
class CellNamesTest {

    @Test
    void everyCellHasItsName() {
        assertThat(CellNames.cellName(CellConfig.rnn(1, 1))).isEqualTo("rnn_tanh");
        assertThat(CellNames.cellName(CellConfig.rnn(1, 1).withRnnActivation(Nonlinearity.RELU))).isEqualTo("rnn_relu");
        assertThat(CellNames.cellName(CellConfig.lstm(1, 1))).isEqualTo("lstm");
        assertThat(CellNames.cellName(CellConfig.lstm(1, 1).withForgetGate(false))).isEqualTo("lstm_no_forget");
        assertThat(CellNames.cellName(CellConfig.gru(1, 1))).isEqualTo("gru");
    }

    @Test
    void onlyAChoGruHasTheCho2014Convention() {
        assertThat(CellNames.convention(CellConfig.gru(1, 1).withGruVariant(GruVariant.CHO_2014))).isEqualTo("cho_2014");
        assertThat(CellNames.convention(CellConfig.gru(1, 1))).isEqualTo("pytorch");
        // the variant field is ignored for other cells
        assertThat(CellNames.convention(CellConfig.lstm(1, 1).withGruVariant(GruVariant.CHO_2014))).isEqualTo("pytorch");
        assertThat(CellNames.convention(CellConfig.rnn(1, 1))).isEqualTo("pytorch");
    }

    @Test
    void theNamesWrittenAreReadBackToTheSameConfig() throws Exception {
        for (CellConfig c : new CellConfig[] {CellConfig.rnn(1, 1), CellConfig.rnn(1, 1).withRnnActivation(Nonlinearity.RELU),
                CellConfig.lstm(1, 1), CellConfig.lstm(1, 1).withForgetGate(false), CellConfig.gru(1, 1),
                CellConfig.gru(1, 1).withGruVariant(GruVariant.CHO_2014)}) {
            CellConfig back = CellNames.parse("f.json", CellNames.cellName(c), CellNames.convention(c));
            assertThat(back).as("%s", c).isEqualTo(c);
            assertThat(back.kind()).isEqualTo(c.kind());
        }
        assertThat(CellNames.parse("f.json", "RNN", null).kind()).isEqualTo(CellKind.RNN);
    }
}

package org.rnnlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.training.SimulationSettings;

/** A lesson sets and removes a gate clamp; a clamp the cell cannot take names the field. */
class ClampSettingsPatchTest {
    private final SettingsPatch patch = new SettingsPatch(List.of("adding"));
    private final ObjectMapper json = new ObjectMapper();

    private SimulationSettings apply(SimulationSettings base, String text) throws Exception {
        return patch.apply(base, json.readTree(text), "x.json", 2, "settings");
    }

    @Test
    void setsKeepsAndRemovesTheClamp() throws Exception {
        SimulationSettings s = apply(SimulationSettings.defaults(), "{\"clamp\": \"forget=1@1\"}");
        assertThat(s.clamp()).isEqualTo(new GateClamp("f", 1, 0, -1));
        assertThat(apply(s, "{\"embedding_size\": 4, \"seq_len\": 9}").clamp()).isEqualTo(s.clamp());
        assertThat(apply(s, "{\"cell\": \"gru\"}").clamp()).as("a GRU has no forget gate").isNull();
        assertThat(apply(s, "{\"clamp\": null}").clamp()).isNull();
    }

    @Test
    void aClampTheCellCannotTakeIsRefusedByField() {
        assertThatThrownBy(() -> apply(SimulationSettings.defaults(), "{\"cell\": \"rnn\", \"clamp\": \"forget=1@1\"}"))
                .hasMessageContaining("settings.clamp")
                .hasMessageContaining("gate clamp f=1@1: an RNN cell has no gates to clamp");
    }
}

package org.rnnlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.GateClamp;

/** The gate menu offers exactly the clamps GateClamp allows, from the shown tick, and the field's text form. */
class ClampChoiceTest {
    @Test
    void eachGateOffersTheClampsItAllows() {
        assertThat(ClampChoice.forGate("f", 4, 2, null)).extracting(ClampChoice::label).containsExactly(
                "Hold at 1 from t=5 (all units)", "Hold at 1 from t=5 (unit 3)",
                "Hold at 0 from t=5 (all units)", "Hold at 0 from t=5 (unit 3)");
        assertThat(ClampChoice.forGate("f", 4, 2, null)).extracting(c -> c.clamp().toString())
                .containsExactly("f=1@5", "f=1@5:u3", "f=0@5", "f=0@5:u3");
        assertThat(ClampChoice.forGate("o", -1, 0, null)).extracting(c -> c.clamp().toString())
                .containsExactly("o=1@1", "o=1@1:u1");
        assertThat(ClampChoice.forGate("r", 0, 0, null)).extracting(c -> c.clamp().toString())
                .containsExactly("r=0@1", "r=0@1:u1");
        assertThat(ClampChoice.forGate("g", 3, 0, null)).as("the candidate cannot be clamped").isEmpty();
    }

    @Test
    void aClampInForceCanBeRemoved() {
        var choices = ClampChoice.forGate("n", 0, 0, GateClamp.parse("z=1@2"));
        assertThat(choices).extracting(ClampChoice::label).containsExactly("Remove clamp z=1@2");
        assertThat(choices.get(0).clamp()).isNull();
    }

    @Test
    void theFieldReadsNoneOrTheClampsTextForm() {
        assertThat(ClampChoice.text(null)).isEqualTo("none");
        assertThat(ClampChoice.text(ClampChoice.parse(" forget=0@5:u3 "))).isEqualTo("f=0@5:u3");
        assertThat(ClampChoice.parse("None")).isNull();
        assertThat(ClampChoice.parse("")).isNull();
        assertThatThrownBy(() -> ClampChoice.parse("f=2@1")).hasMessage(
                "gate clamp must be f=1, f=0, i=0, o=1, z=1, z=0 or r=0, was f=2.0");
    }
}

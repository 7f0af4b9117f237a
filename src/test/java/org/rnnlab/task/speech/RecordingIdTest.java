package org.rnnlab.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordingIdTest {

    @Test
    void parsesTheFsddFileName() {
        RecordingId id = RecordingId.parse("7_jackson_32.wav");
        assertThat(id).isEqualTo(new RecordingId(7, "jackson", 32));
        assertThat(id.name()).isEqualTo("7_jackson_32");
        assertThat(id.isTest()).isFalse();
        assertThat(RecordingId.parse("0_theo_4").isTest()).isTrue();
        assertThat(RecordingId.parse("0_theo_5.wav").isTest()).isFalse();
    }

    @Test
    void ordersByDigitSpeakerIndex() {
        assertThat(RecordingId.parse("1_a_10.wav")).isGreaterThan(RecordingId.parse("1_a_9.wav"));
        assertThat(RecordingId.parse("1_b_0.wav")).isGreaterThan(RecordingId.parse("1_a_49.wav"));
        assertThat(RecordingId.parse("2_a_0.wav")).isGreaterThan(RecordingId.parse("1_z_49.wav"));
    }

    @Test
    void refusesOtherNames() {
        assertThatThrownBy(() -> RecordingId.parse("10_jackson_1.wav")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"10_jackson_1.wav\"");
        assertThatThrownBy(() -> RecordingId.parse("7-jackson-1.wav")).hasMessageContaining("{digit}_{speaker}_{index}");
        assertThatThrownBy(() -> new RecordingId(3, "Jack", 1)).hasMessageContaining("speaker");
    }
}

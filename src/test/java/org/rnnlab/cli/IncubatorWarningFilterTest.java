package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IncubatorWarningFilterTest {

    private static String filtered(String in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IncubatorWarningFilter.copy(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theJvmsFirstLineGoesEverythingElseStays() throws IOException {
        assertThat(filtered(IncubatorWarningFilter.WARNING + "\nerror: --hidden must be in 1..1024, was 0\n"))
                .isEqualTo("error: --hidden must be in 1..1024, was 0\n");
        assertThat(filtered(IncubatorWarningFilter.WARNING + "\r\nx\n")).isEqualTo("x\n");
    }

    @Test
    void theSameLineLaterOrAnotherFirstLineIsKept() throws IOException {
        String later = "error: one\n" + IncubatorWarningFilter.WARNING + "\n";
        assertThat(filtered(later)).isEqualTo(later);
        assertThat(filtered("WARNING: something else entirely, and longer than the line we drop\nrest"))
                .isEqualTo("WARNING: something else entirely, and longer than the line we drop\nrest");
        assertThat(filtered(IncubatorWarningFilter.WARNING)).isEqualTo(IncubatorWarningFilter.WARNING);
        assertThat(filtered("")).isEmpty();
        assertThat(filtered("short")).isEqualTo("short");
    }
}

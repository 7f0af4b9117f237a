package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad screenshot options are refused in one line with exit code 2, before anything is rendered. */
class ScreenshotsOptionsTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownTaskACsvWithoutItsFileAndABadCellAreRefused(@TempDir Path out) {
        TrainCommandTest.Run r = TrainCommandTest.run("screenshots", "--task", "bogus", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: --task must be one of adding, order, copy").endsWith("was 'bogus'")
                .doesNotContain("\n");
        r = TrainCommandTest.run("screenshots", "--task", "csv", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: --task csv needs --file PATH (a CSV file of the series)");
        r = TrainCommandTest.run("screenshots", "--task", "csv", "--file", dir.resolve("missing.csv").toString(),
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--file must be a readable regular file");
        r = TrainCommandTest.run("screenshots", "--cell", "tcn", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: --cell: ").doesNotContain("\n");
        assertThat(out).isEmptyDirectory();
    }
}

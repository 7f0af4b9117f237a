package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Trainer;

/**
 * kill -9 (SIGKILL: no shutdown hook runs) of a JVM while it writes a session and while it trains
 * with {@code --out}: the previous file is always intact, and the temporary files a killed writer
 * leaves are removed by the next write. Kill times are drawn from a seeded stream.
 */
class KillDuringWriteTest {
    @TempDir
    Path dir;

    private static Process child(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), WriterChild.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private long temps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void aSessionKilledMidWriteLeavesThePreviousFileWhole() throws Exception {
        Path target = dir.resolve("s.json");
        Trainer t = WriterChild.trainer();
        SessionState state = t.sessionState(t.run(null).records());
        SessionFile.write(target, state, t.parameterNames());
        byte[] whole = Files.readAllBytes(target);
        SplittableRandom rng = new SplittableRandom(11);
        for (int k = 0; k < 8; k++) {
            Process p = child("session", target.toString());
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("wrote");
                Thread.sleep(rng.nextInt(300));
                p.destroyForcibly();
                p.waitFor();
            }
            assertThat(Files.readAllBytes(target)).as("after kill %d", k).isEqualTo(whole);
            SessionFile.read(target);
        }
        SessionFile.write(target, state, t.parameterNames());
        assertThat(temps()).as("stale temporary files removed by the next write").isZero();
        assertThat(Files.readAllBytes(target)).isEqualTo(whole);
    }

    @Test
    void trainingKilledBeforeItEndsLeavesTheMetricsFileAsItWas() throws Exception {
        Path csv = Files.writeString(dir.resolve("m.csv"), "the previous run\n");
        SplittableRandom rng = new SplittableRandom(12);
        for (int k = 0; k < 4; k++) {
            Process p = child("train", "--task", "adding", "--hidden", "8", "--seq", "20", "--steps", "100000", "--quiet",
                    "--no-early-stop", "--out", csv.toString());
            Thread.sleep(800 + rng.nextInt(1200));
            p.destroyForcibly();
            p.waitFor();
            assertThat(Files.readString(csv)).as("after kill %d", k).isEqualTo("the previous run\n");
        }
        Process p = child("train", "--task", "adding", "--hidden", "2", "--seq", "5", "--steps", "3", "--quiet",
                "--out", csv.toString());
        assertThat(p.waitFor()).isZero();
        assertThat(Files.readString(csv)).startsWith("iteration,");
        assertThat(temps()).isZero();
    }
}

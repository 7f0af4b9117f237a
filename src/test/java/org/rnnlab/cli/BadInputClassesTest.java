package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes of input of issue 11, each refused with one line and exit code 2 before any work,
 * with every file the user gave unchanged and no temporary file left: sizes allowed one by one but
 * not together, thread counts, outputs that are inputs, devices and pipes, unwritable places.
 */
class BadInputClassesTest {
    @TempDir
    Path dir;
    Path data;
    Path session;

    @BeforeEach
    void files() throws IOException {
        StringBuilder sb = new StringBuilder("x\n");
        for (int i = 0; i < 300; i++) {
            sb.append(Math.sin(i * 0.3)).append('\n');
        }
        data = Files.writeString(dir.resolve("d.csv"), sb);
        session = dir.resolve("s.json");
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--task", "adding", "--hidden", "3", "--seq", "5",
                "--steps", "2", "--quiet", "--save-session", session.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    /** Runs the command and checks: exit 2, one line naming {@code says}, inputs unchanged, no temporary file. */
    private void refused(String says, String... args) throws IOException {
        List<byte[]> before = new ArrayList<>();
        for (Path p : List.of(data, session)) {
            before.add(Files.readAllBytes(p));
        }
        TrainCommandTest.Run r = TrainCommandTest.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains(says).doesNotContain("Exception");
        assertThat(Files.readAllBytes(data)).isEqualTo(before.get(0));
        assertThat(Files.readAllBytes(session)).isEqualTo(before.get(1));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void sizesThatDoNotFitTogetherAreRefusedBeforeAllocating() throws IOException {
        refused("-Xmx", "train", "--task", "adding", "--cell", "gru", "--hidden", "1024", "--seq", "1000", "--batch",
                "4096");
        refused("H=1024", "train", "--task", "adding", "--cell", "gru", "--hidden", "1024", "--seq", "1000",
                "--batch", "64");
        refused("the Java heap", "compare", "--task", "adding", "--hidden", "1024", "--seq", "1000", "--batch", "64");
        refused("the Java heap", "sweep", "--task", "adding", "--hidden", "1024", "--seq", "1000", "--batch", "64",
                "--seeds", "1");
        refused("is too large", "bench", "rnn:1:1024:10000:4096");
    }

    @Test
    void threadCountsAreBounded() throws IOException {
        refused("--threads must be in 1..64, was 100000", "bench", "--threads", "100000");
        refused("--threads must be in 1..64", "compare", "--task", "adding", "--threads", "65");
        refused("--iters must be in", "bench", "--iters", "2000000000");
    }

    @Test
    void anOutputThatIsAnInputIsRefused() throws IOException {
        refused("same file", "replay", session.toString(), "--csv", session.toString());
        refused("same file", "replay", session.toString(), "--csv", dir.resolve(".").resolve("s.json").toString());
        refused("same file", "train", "--task", "csv", "--file", data.toString(), "--out", data.toString());
        refused("same file", "train", "--task", "csv", "--file", data.toString(), "--save-session", data.toString());
        refused("name the same file", "train", "--task", "adding", "--out", dir.resolve("x").toString(),
                "--save-session", dir.resolve("x").toString());
        refused("same file", "sweep", "--task", "csv", "--file", data.toString(), "--out", data.toString());
    }

    @Test
    void devicesPipesAndDirectoriesAreRefused() throws IOException, InterruptedException {
        refused("not a regular file", "train", "--task", "csv", "--file", "/dev/zero");
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        refused("not a regular file", "train", "--task", "csv", "--file", fifo.toString());
        refused("not a regular file", "replay", fifo.toString(), "--csv", dir.resolve("o.csv").toString());
        refused("is a directory", "train", "--task", "adding", "--out", dir.toString());
        // a pipe of our own, never a shared device: a mutant of the check must not replace /dev/null
        refused("not a regular file", "train", "--task", "adding", "--out", fifo.toString());
    }

    @Test
    void unwritablePlacesAreRefusedBeforeTraining() throws IOException {
        refused("does not exist", "train", "--task", "adding", "--save-session", dir.resolve("no/such/s.json").toString());
        refused("cannot write in /proc", "train", "--task", "adding", "--out", "/proc/m.csv");
    }

    @Test
    void aMetricsFileKeepsItsModeAndStaleTemporaryFilesAreRemoved() throws IOException {
        Path csv = Files.writeString(dir.resolve("m.csv"), "old\n");
        Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("rw-r-----"));
        Path stale = Files.writeString(dir.resolve(".m.csv.0123456789abcdef.tmp"), "left by kill -9");
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--task", "adding", "--hidden", "3", "--seq", "5",
                "--steps", "3", "--quiet", "--out", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-r-----");
        assertThat(Files.readString(csv)).startsWith(TrainCommand.MetricsCsv.HEADER);
        assertThat(stale).doesNotExist();
    }

    @Test
    void aValueWithANewlineStaysOnOneLine() throws IOException {
        refused("\\n", "train", "--task", "csv", "--file", dir.resolve("a\nb.csv").toString());
        refused("\\n", "train", "--task", "add\ning");
    }
}

package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one JSON reader's refusals, word for word, and the one-line messages. */
class StrictJsonTest {
    @TempDir
    Path dir;

    private static FormatException refusal(String json) {
        try {
            StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8), "f.json", false);
        } catch (FormatException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void eachReadLimitIsOneLineNamingTheLimit() {
        assertThat(refusal("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}").getMessage())
                .startsWith("f.json: ").contains("nests deeper than 32 levels");
        assertThat(refusal("{\"a\": 1" + "0".repeat(100) + "}").getMessage()).contains("holds a number longer than 64");
        assertThat(refusal("{\"a\": \"" + "x".repeat(StrictJson.MAX_STRING_LENGTH + 1) + "\"}").getMessage())
                .contains("holds a string longer than 1048576");
        assertThat(refusal("{\"" + "n".repeat(300) + "\": 1}").getMessage()).contains("holds a field name longer than 256");
    }

    @Test
    void oneDocumentWithoutDuplicatesOrTrailingBytes() {
        assertThat(refusal("{\"a\": 1} {}").getMessage()).contains("not valid JSON at line 1, column").contains("Trailing");
        assertThat(refusal("{\"a\": 1} x").getMessage()).contains("not valid JSON");
        FormatException dup = refusal("{\"b\": {\"a\": 1, \"a\": 2}}");
        assertThat(dup.field()).isEqualTo("b.a");
        assertThat(dup.getMessage()).contains("Duplicate field 'a'");
        assertThat(refusal("[1]").getMessage()).isEqualTo("f.json: must hold a JSON object, holds an array");
        assertThat(refusal("  ").getMessage()).isEqualTo("f.json: holds no JSON value");
        assertThat(refusal("{\"a\": [1, 2,]}").field()).isEqualTo("a[2]");
    }

    @Test
    void nonNumbersOnlyWhereAsked() throws FormatException {
        assertThat(refusal("{\"a\": NaN}").getMessage()).contains("not valid JSON");
        assertThat(StrictJson.parseObject("{\"a\": NaN}".getBytes(StandardCharsets.UTF_8), "f.json", true).get("a")
                .doubleValue()).isNaN();
    }

    @Test
    void onlyRegularFilesOfAtMostTheLimitAreRead() throws IOException, FormatException {
        assertThatThrownBy(() -> StrictJson.readBytes(dir.resolve("none"), "none", 10))
                .hasMessage("none: no such file");
        assertThatThrownBy(() -> StrictJson.readBytes(dir, "d", 10)).hasMessage("d: is a directory, not a file");
        assertThatThrownBy(() -> StrictJson.readBytes(Path.of("/dev/zero"), "z", 10))
                .hasMessage("z: is not a regular file (a device, pipe or socket)");
        Path empty = Files.createFile(dir.resolve("e"));
        assertThatThrownBy(() -> StrictJson.readBytes(empty, "e", 10)).hasMessage("e: is empty");
        Path eleven = Files.writeString(dir.resolve("b"), "x".repeat(11));
        assertThatThrownBy(() -> StrictJson.readBytes(eleven, "b", 10))
                .hasMessage("b: is 11 bytes, more than the limit of 10");
        assertThat(StrictJson.readBytes(eleven, "b", 11)).hasSize(11);
    }

    @Test
    void messagesStayOnOneLine() {
        assertThat(Messages.clean("a\nb\rc\td\u0000e\u2028f\u2029g\u0085h", 100))
                .isEqualTo("a\\nb\\rc\\td\\u0000e\\u2028f\\u2029g\\u0085h");
        assertThat(Messages.clean("abcdefghij", 10)).isEqualTo("abcdefghij");
        assertThat(Messages.clean("abcdefghijk", 10)).isEqualTo("abcdefg...");
        assertThat(Messages.clean(null, 10)).isEqualTo("null");
        assertThat(Messages.oneLine("x\ny")).isEqualTo("x\\ny");
        assertThat(Messages.firstLine("one\ntwo")).isEqualTo("one");
        assertThat(Messages.firstLine(null)).isEmpty();
        assertThat(new FormatException("a\nb.json", "f\ng", "p\nq").getMessage())
                .isEqualTo("a\\nb.json: field 'f\\ng': p\\nq");
    }

    @Test
    void outputsAreComparedByRealPath() throws IOException {
        Path f = Files.writeString(dir.resolve("s.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), f);
        assertThat(OutputFiles.real(link)).isEqualTo(f.toRealPath());
        assertThat(OutputFiles.real(dir.resolve("sub/../s.json"))).isEqualTo(f.toRealPath());
        assertThat(OutputFiles.real(dir.resolve("no/such/x"))).isEqualTo(dir.toRealPath().resolve("no/such/x"));
        assertThatThrownBy(() -> OutputFiles.checkDistinct(java.util.List.of(new OutputFiles.Named("--csv", link)),
                java.util.List.of(new OutputFiles.Named("SESSION", f)))).hasMessageContaining("same file");
    }

    @Test
    void aWriteFailureReasonIsShort() {
        assertThat(AtomicFiles.reason(new java.nio.file.AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(AtomicFiles.reason(new java.nio.file.NoSuchFileException("/x"))).isEqualTo("no such file or folder");
        assertThat(AtomicFiles.reason(new java.nio.file.FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("No space left on device");
        assertThat(AtomicFiles.reason(new IOException("boom\nline"))).isEqualTo("boom\\nline");
        assertThat(AtomicFiles.reason(new IOException())).isEqualTo("IOException");
    }

    @Test
    void onlyRegularFilesAreReplaced() throws IOException, InterruptedException {
        assertThatThrownBy(() -> AtomicFiles.writeString(dir, "x")).hasMessageContaining("not a regular file");
        // a pipe of our own, never a shared device: a mutant of the check must not replace /dev/null
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> AtomicFiles.writeString(fifo, "x")).hasMessageContaining("not a regular file");
        Files.delete(fifo);
        Path t = dir.resolve("t.txt");
        AtomicFiles.writeString(t, "one");
        AtomicFiles.writeString(t, "two");
        assertThat(Files.readString(t)).isEqualTo("two");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("t.txt");
        }
    }
}

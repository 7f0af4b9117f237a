package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one JSON reader checks the heap before it reads a file's bytes and before it builds the
 * tree, whatever the heap this test runs in: each input is sized from {@code Runtime.maxMemory}.
 */
class StrictJsonHeapTest {
    @TempDir
    Path dir;

    @Test
    void aFileLargerThanTheHeapIsRefusedBeforeItIsRead() throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(heap + (1 << 20)); // sparse: takes no disk
        }
        assertThatThrownBy(() -> StrictJson.readBytes(big, "big.json", Long.MAX_VALUE))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("big.json: big.json (" + (heap + (1 << 20)) + " bytes) needs about")
                .hasMessageContaining("its bytes")
                .hasMessageContaining("-Xmx");
    }

    /**
     * The tree costs about 48 bytes per structural character: a file of nothing but one of them,
     * 1/40 of the heap long, needs more than the heap (refused before parsing); read as plain
     * bytes it would fit and fail as invalid JSON instead.
     */
    @Test
    void eachStructuralCharacterCountsTowardsTheTreesHeap() {
        byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 40)];
        for (char c : new char[] {',', '[', '{', ':'}) {
            Arrays.fill(bytes, (byte) c);
            assertThatThrownBy(() -> StrictJson.parseObject(bytes, "t.json", false))
                    .as("a file of '%s'", c)
                    .hasMessageStartingWith("t.json: t.json (" + bytes.length + " bytes) needs about")
                    .hasMessageContaining("JSON tree");
        }
        Arrays.fill(bytes, (byte) ' ');
        assertThatThrownBy(() -> StrictJson.parseObject(bytes, "t.json", false))
                .hasMessage("t.json: holds no JSON value");
    }

    @Test
    void aSmallFileFits() throws Exception {
        Path small = java.nio.file.Files.writeString(dir.resolve("s.json"), "{\"a\": [1, {\"b\": 2}]}");
        assertThat(StrictJson.readObject(small, "s.json", 100, false).get("a").get(1).get("b").intValue()).isEqualTo(2);
    }
}

package org.rnnlab.io.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.io.FormatException;

/**
 * Damaged model files: every truncation and many bit flips of each format give either a model or
 * one FormatException naming the file (never another exception), and unsupported layers and
 * settings are refused with one line naming the layer and listing what is supported.
 */
class CorruptModelFilesTest {
    static final Path TFJS = KerasTestFiles.ROOT.resolve("tfjs/LSTM-x2-h3-t5-b2-s5-stack-bidi-dense");
    static final Path SAFE = KerasTestFiles.ROOT.resolve("safetensors/lstm-x3-h4-t6-b2-l2-bidi.safetensors");

    @Test
    void truncatedAndFlippedSafetensorsGiveOneCleanError(@TempDir Path tmp) throws Exception {
        byte[] good = Files.readAllBytes(SAFE);
        Path f = tmp.resolve("m.safetensors");
        int refused = 0;
        for (int len = 0; len < good.length; len += 7) {
            Files.write(f, java.util.Arrays.copyOf(good, len));
            refused += opensOrRefusesCleanly(f) ? 0 : 1;
        }
        assertThat(refused).isGreaterThan(good.length / 7 - 2);
        refused = 0;
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 400; i++) {
            byte[] b = good.clone();
            int at = i < 200 ? rnd.nextInt(Math.min(b.length, 700)) : rnd.nextInt(b.length);
            b[at] ^= (byte) (1 << rnd.nextInt(8));
            Files.write(f, b);
            refused += opensOrRefusesCleanly(f) ? 0 : 1;
        }
        assertThat(refused).isPositive();
    }

    @Test
    void truncatedAndFlippedTfjsFilesGiveOneCleanError(@TempDir Path tmp) throws Exception {
        byte[] json = Files.readAllBytes(TFJS.resolve("model.json"));
        byte[] bin = Files.readAllBytes(TFJS.resolve("group1-shard1of1.bin"));
        Path m = tmp.resolve("model.json");
        Path w = tmp.resolve("group1-shard1of1.bin");
        Files.write(w, bin);
        for (int len = 0; len < json.length; len += 97) {
            Files.write(m, java.util.Arrays.copyOf(json, len));
            assertThat(opensOrRefusesCleanly(m)).as("model.json cut at %d", len).isFalse();
        }
        Files.write(m, json);
        for (int len = 0; len < bin.length; len += 13) {
            Files.write(w, java.util.Arrays.copyOf(bin, len));
            assertThat(opensOrRefusesCleanly(m)).as("shard cut at %d", len).isFalse();
        }
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            byte[] b = json.clone();
            b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            Files.write(m, b);
            Files.write(w, bin);
            opensOrRefusesCleanly(m);
        }
    }

    @Test
    void unsupportedLayersAndSettingsAreRefusedInOneLine(@TempDir Path tmp) throws Exception {
        Files.copy(TFJS.resolve("group1-shard1of1.bin"), tmp.resolve("group1-shard1of1.bin"));
        String json = Files.readString(TFJS.resolve("model.json"));
        assertRefused(tmp, json.replaceFirst("\"class_name\": ?\"Dense\"", "\"class_name\":\"Conv1D\""),
                "(Conv1D) is not supported; supported layers: " + KerasConfig.SUPPORTED);
        assertRefused(tmp, json.replaceFirst("\"merge_mode\": ?\"concat\"", "\"merge_mode\":null"),
                "merge_mode 'none' is not supported; supported: concat, sum, mul, ave");
        assertRefused(tmp, json.replaceFirst("\"recurrent_activation\": ?\"sigmoid\"", "\"recurrent_activation\":\"selu\""),
                "recurrent_activation 'selu' is not supported; supported: tanh, sigmoid, hard_sigmoid, relu, linear");
        assertRefused(tmp, json.replaceFirst("\"stateful\": ?false", "\"stateful\":true"),
                "stateful=true is not supported");
        assertRefused(tmp, json.replaceFirst("\"class_name\": ?\"Sequential\"", "\"class_name\":\"Functional\""),
                "model class 'Functional' is not supported: only Sequential");
        assertRefused(tmp, json.replace("bidirectional_Bidirectional1/", "bidirectional_Bidirectional9/"),
                "'bidirectional_Bidirectional9/forward_lstm_LSTM2/kernel' is listed where layer"
                        + " 'bidirectional_Bidirectional1' takes its weights");
    }

    private static void assertRefused(Path dir, String json, String message) throws Exception {
        Path m = dir.resolve("model.json");
        Files.writeString(m, json);
        assertThatThrownBy(() -> ModelFiles.open(m)).isInstanceOf(FormatException.class)
                .hasMessageContaining(message).hasMessageStartingWith(m.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** True when the file opens; false when it is refused with a FormatException naming it (or its shard beside it). */
    static boolean opensOrRefusesCleanly(Path f) {
        try {
            ModelFiles.open(f);
            return true;
        } catch (FormatException e) {
            assertThat(e.getMessage()).startsWith(f.getParent().toString()).doesNotContain("\n");
            return false;
        }
    }
}

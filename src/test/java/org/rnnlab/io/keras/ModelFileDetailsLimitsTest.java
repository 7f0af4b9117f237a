package org.rnnlab.io.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.io.StrictJson;

/**
 * The limits of the tensor readers, each at its edge: a safetensors file's length and header
 * length (8 bytes, a 2-byte header, a header filling the file, the 16 MiB header), tensors
 * ending exactly at the end of the data or touching without overlapping, an empty tensor;
 * shapes of 4 dimensions and 2²⁸ values accepted, one more refused; and the counts a TF.js
 * manifest's weights are handed out and refused by.
 */
class ModelFileDetailsLimitsTest {
    private static final String HEADER_MAX = " (and a header is at most 16777216)";

    @Test
    void sevenBytesAreTooFewAndEightAreReadForTheHeaderLength(@TempDir Path tmp) throws Exception {
        Path seven = Files.write(tmp.resolve("seven.safetensors"), new byte[7]);
        assertThatThrownBy(() -> SafetensorsReader.tensors(seven))
                .hasMessage(seven + ": is 7 bytes, shorter than the 8-byte header length");
        Path eight = Files.write(tmp.resolve("eight.safetensors"), length(2));
        assertThatThrownBy(() -> SafetensorsReader.tensors(eight))
                .hasMessage(eight + ": field 'header length': is 2 bytes, but the file has 0 bytes after it" + HEADER_MAX);
    }

    @Test
    void aHeaderOfTwoBytesIsReadAndOfOneByteIsRefused(@TempDir Path tmp) throws Exception {
        Path two = safetensors(tmp, "{}", new byte[0]);
        assertThatThrownBy(() -> SafetensorsReader.tensors(two)).hasMessage(two + ": holds no tensors");
        Path one = Files.write(tmp.resolve("one.safetensors"), concat(length(1), "{}".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> SafetensorsReader.tensors(one))
                .hasMessage(one + ": field 'header length': is 1 bytes, but the file has 2 bytes after it" + HEADER_MAX);
    }

    @Test
    void aHeaderMayFillTheFileButNotReachOneBytePastIt(@TempDir Path tmp) throws Exception {
        String header = "{\"empty\": {\"dtype\": \"F32\", \"shape\": [0], \"data_offsets\": [0, 0]}}";
        Path exact = safetensors(tmp, header, new byte[0]);
        Tensor t = SafetensorsReader.tensors(exact).get("empty");
        assertThat(t.shape()).containsExactly(0);
        assertThat(t.data()).isEmpty();
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        Path past = Files.write(tmp.resolve("past.safetensors"), concat(length(h.length + 1), h));
        assertThatThrownBy(() -> SafetensorsReader.tensors(past)).hasMessage(past + ": field 'header length': is "
                + (h.length + 1) + " bytes, but the file has " + h.length + " bytes after it" + HEADER_MAX);
    }

    @Test
    void aHeaderOfSixteenMebibytesIsReadAndOneByteMoreIsRefused(@TempDir Path tmp) throws Exception {
        String header = "{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}";
        byte[] data = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).array();
        int max = (int) SafetensorsReader.MAX_HEADER_BYTES;
        Path largest = safetensors(tmp, header + " ".repeat(max - header.length()), data);
        assertThat(SafetensorsReader.tensors(largest).get("w").data()).containsExactly(1.5);
        Path over = safetensors(tmp, header + " ".repeat(max + 1 - header.length()), data);
        assertThatThrownBy(() -> SafetensorsReader.tensors(over)).hasMessage(over + ": field 'header length': is "
                + (max + 1) + " bytes, but the file has " + (max + 5) + " bytes after it" + HEADER_MAX);
    }

    @Test
    void aTensorMayEndAtTheEndOfTheDataButNotPastIt(@TempDir Path tmp) throws Exception {
        byte[] data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(-0.25).array();
        Path fits = safetensors(tmp, "{\"w\": {\"dtype\": \"F64\", \"shape\": [1, 1], \"data_offsets\": [0, 8]}}", data);
        assertThat(SafetensorsReader.tensors(fits).get("w").data()).containsExactly(-0.25);
        Path past = safetensors(tmp, "{\"w\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 12]}}", data);
        assertThatThrownBy(() -> SafetensorsReader.tensors(past)).hasMessage(past
                + ": field 'w.data_offsets': [0, 12] does not hold 3 values of 4 bytes inside the 8 bytes of data");
    }

    @Test
    void tensorsMayTouchInEitherOrderButNotOverlap(@TempDir Path tmp) throws Exception {
        byte[] data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).putFloat(3).array();
        Path after = safetensors(tmp, "{" + f32("a", 0, 4) + ", " + f32("b", 4, 8) + "}", data);
        Map<String, Tensor> t = SafetensorsReader.tensors(after);
        assertThat(t.keySet()).containsExactly("a", "b");
        assertThat(t.get("b").data()).containsExactly(2);
        Path before = safetensors(tmp, "{" + f32("a", 4, 8) + ", " + f32("b", 0, 4) + "}", data);
        assertThat(SafetensorsReader.tensors(before).get("b").data()).containsExactly(1);
        Path overlap = safetensors(tmp, "{" + f32("a", 4, 12) + ", " + f32("b", 0, 8) + "}", data);
        assertThatThrownBy(() -> SafetensorsReader.tensors(overlap))
                .hasMessage(overlap + ": field 'b.data_offsets': overlaps another tensor's bytes");
    }

    @Test
    void aShapeOfFourDimensionsIsReadAndOfFiveIsRefused() throws Exception {
        assertThat(Shapes.of("F", "s", json("[1, 2, 3, 4]"))).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> Shapes.of("F", "s", json("[1, 1, 1, 1, 1]")))
                .hasMessage("F: field 's': has 5 dimensions; at most 4 are read");
    }

    @Test
    void aSizeOfZeroIsReadAndANegativeOneRefused() throws Exception {
        assertThat(Shapes.of("F", "s", json("[3, 0]"))).containsExactly(3, 0);
        assertThatThrownBy(() -> Shapes.of("F", "s", json("[3, -1]")))
                .hasMessage("F: field 's': must list non-negative integer sizes");
    }

    @Test
    void exactlyTwoToThe28ValuesAreReadAndTwiceThatRefused() throws Exception {
        assertThat(Shapes.of("F", "s", json("[16384, 16384, 1]"))).containsExactly(16384, 16384, 1);
        assertThatThrownBy(() -> Shapes.of("F", "s", json("[16384, 16384, 2]")))
                .hasMessage("F: field 's': holds more than 268435456 values");
        Shapes.check("F", "s", new int[] {1 << 28});
        assertThatThrownBy(() -> Shapes.check("F", "s", new int[] {(1 << 28) + 1}))
                .hasMessage("F: field 's': holds more than 268435456 values");
        assertThatThrownBy(() -> Shapes.check("F", "s", new int[] {1 << 14, 1 << 14, 2, 1}))
                .hasMessage("F: field 's': holds more than 268435456 values");
    }

    @Test
    void aTensorShowsItsShapeAndMatchesOnlyItsOwn() {
        Tensor t = new Tensor("k", new int[] {3, 12}, new double[36]);
        assertThat(t.shapeText()).isEqualTo("[3, 12]");
        assertThat(t.hasShape(3, 12)).isTrue();
        assertThat(t.hasShape(12, 3)).isFalse();
        assertThat(t.hasShape(3)).isFalse();
    }

    @Test
    void aLayerMayTakeTheLastTensorsButNotMoreThanAreLeft() throws Exception {
        List<Tensor> three = List.of(tensor("x"), tensor("y"), tensor("z"));
        OrderedWeights w = new OrderedWeights("F", three);
        assertThat(w.layer("d", 0, 1)).extracting(Tensor::name).containsExactly("x");
        assertThatThrownBy(() -> w.layer("e", 1, 3)).hasMessage("F: field 'weightsManifest': layer 'e' needs 3 weight"
                + " tensors but the file lists only 2 more");
        assertThat(w.layer("e", 1, 2)).extracting(Tensor::name).containsExactly("y", "z");
        w.requireAllUsed();
        OrderedWeights fresh = new OrderedWeights("F", List.of(tensor("a/k"), tensor("a/b")));
        assertThatThrownBy(() -> fresh.layer("a", 0, 3)).hasMessage("F: field 'weightsManifest': layer 'a' needs 3 weight"
                + " tensors but the file lists only 2 more");
    }

    @Test
    void tensorsNoLayerTookAreCountedFromTheFirstLeft() throws Exception {
        OrderedWeights w = new OrderedWeights("F", List.of(tensor("x"), tensor("y"), tensor("z")));
        w.layer("d", 0, 1);
        assertThatThrownBy(w::requireAllUsed).hasMessage("F: field 'y': 2 weight tensors are not used by any layer of"
                + " the model (first: 'y')");
    }

    private static Tensor tensor(String name) {
        return new Tensor(name, new int[] {1}, new double[] {0});
    }

    private static String f32(String name, int begin, int end) {
        return "\"" + name + "\": {\"dtype\": \"F32\", \"shape\": [" + (end - begin) / 4 + "], \"data_offsets\": ["
                + begin + ", " + end + "]}";
    }

    private static JsonNode json(String array) throws Exception {
        return StrictJson.parseObject(("{\"s\": " + array + "}").getBytes(StandardCharsets.UTF_8), "F", false).get("s");
    }

    private static byte[] length(long n) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A safetensors file: the header's length, the header, the data. */
    private static Path safetensors(Path dir, String header, byte[] data) throws Exception {
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        return Files.write(Files.createTempFile(dir, "t", ".safetensors"), concat(concat(length(h.length), h), data));
    }
}

package org.rnnlab.io.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.io.FormatException;

/**
 * PyTorch state_dicts in safetensors (written by gen_safetensors.py from python3-torch):
 * the engine reproduces torch's float64 outputs within 1e-9 relative to the largest, the cell,
 * sizes, layers and directions inferred from the names and shapes alone.
 */
class SafetensorsReaderTest {
    static final Path DIR = KerasTestFiles.ROOT.resolve("safetensors");

    static Stream<String> models() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".safetensors"))
                    .map(n -> n.substring(0, n.length() - ".safetensors".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void reproducesTorch(String name) throws Exception {
        double err = KerasTestFiles.error(DIR.resolve(name + ".safetensors"), DIR.resolve(name + ".input.json"),
                DIR.resolve(name + ".expected.json"));
        assertThat(err).as(name).isLessThan(1e-9);
    }

    @Test
    void infersTheStackFromTheNames() throws Exception {
        var model = ModelFiles.open(DIR.resolve("lstm-x3-h4-t6-b2-l2-bidi.safetensors"));
        assertThat(model.layers()).hasSize(2);
        var top = (org.rnnlab.engine.layers.RecurrentLayer) model.layers().get(1);
        assertThat(top.cells()).hasSize(2);
        assertThat(top.cells().get(0).config().label()).isEqualTo("LSTM");
        assertThat(top.cells().get(0).config().inputSize()).isEqualTo(8);
    }

    @Test
    void aTensorOfNoModelIsRefusedByName(@TempDir Path tmp) throws Exception {
        byte[] b = Files.readAllBytes(DIR.resolve("rnn-x4-h3-t5-b2-f32.safetensors"));
        String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).replace("rnn.bias_hh_l0", "rnn.conv_hh_l0");
        Path f = tmp.resolve("odd.safetensors");
        Files.write(f, s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ModelFiles.open(f)).isInstanceOf(FormatException.class)
                .hasMessageContaining("rnn.bias_hh_l0").hasMessageContaining("missing");
    }
}

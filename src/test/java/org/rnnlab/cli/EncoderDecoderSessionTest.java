package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What it writes, it reads: an encoder-decoder's session names its two embeddings and cells apart
 * ("encoder.weight_ih", "decoder.weight_ih"), so replay reopens it.
 */
class EncoderDecoderSessionTest {
    @Test
    void aNumbersSessionReopens(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("numbers.json");
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--task", "numbers", "--steps", "2", "--batch", "4",
                "--save-session", session.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(session);
        assertThat(text).contains("\"encoder.weight_ih\"", "\"decoder.weight_ih\"", "\"encoder.embedding.weight\"");
        Path csv = dir.resolve("ticks.csv");
        TrainCommandTest.Run replay = TrainCommandTest.run("replay", session.toString(), "--csv", csv.toString());
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(csv).isNotEmptyFile();
    }
}

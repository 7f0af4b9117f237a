package org.rnnlab.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {

    private static final short[] SAMPLES = {0, 1, -1, 32767, -32768, 1234, -4321};

    @Test
    void readsGeneratedFileWithSamplesAndRate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("3_test_7.wav");
        Files.write(file, TestWav.pcm16(8000, SAMPLES));

        PcmAudio audio = WavReader.read(file);

        assertThat(audio.name()).isEqualTo("3_test_7.wav");
        assertThat(audio.sampleRate()).isEqualTo(8000);
        assertThat(audio.samples()).containsExactly(SAMPLES);
        assertThat(audio.normalized()[3]).isEqualTo(32767 / 32768.0);
        assertThat(audio.normalized()[4]).isEqualTo(-1.0);
        assertThat(audio.durationSeconds()).isEqualTo(7 / 8000.0);
    }

    @Test
    void skipsOtherChunksIncludingOddPadding() throws Exception {
        PcmAudio audio = WavReader.read(TestWav.build(16000, 1, 16, 1, SAMPLES, true), "list.wav");
        assertThat(audio.sampleRate()).isEqualTo(16000);
        assertThat(audio.samples()).containsExactly(SAMPLES);
    }

    @Test
    void acceptsExtensibleFormatWithPcmSubformat() throws Exception {
        byte[] plain = TestWav.pcm16(8000, SAMPLES);
        ByteBuffer b = ByteBuffer.allocate(plain.length + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.put(plain, 0, 12).put("fmt ".getBytes()).putInt(40);
        b.putShort((short) 0xFFFE).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        b.putShort((short) 22).putShort((short) 16).putInt(4).putShort((short) 1).put(new byte[14]);
        b.put(plain, 36, plain.length - 36);
        assertThat(WavReader.read(b.array(), "ext.wav").samples()).containsExactly(SAMPLES);
    }

    @Test
    void refusesWhatIsNotRiff() {
        assertThatThrownBy(() -> WavReader.read("OggS and more bytes".getBytes(), "a.ogg"))
                .isInstanceOf(WavFormatException.class).hasMessage("a.ogg: not a RIFF file (starts with \"OggS\")");
        assertThatThrownBy(() -> WavReader.read(new byte[3], "tiny.wav"))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("tiny.wav: not a RIFF file");
        byte[] avi = TestWav.pcm16(8000, SAMPLES);
        System.arraycopy("AVI ".getBytes(), 0, avi, 8, 4);
        assertThatThrownBy(() -> WavReader.read(avi, "movie.avi"))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("movie.avi").hasMessageContaining("not WAVE");
    }

    @Test
    void refusesFloatStereoAndEightBit() {
        assertThatThrownBy(() -> WavReader.read(TestWav.build(8000, 1, 16, 3, SAMPLES, false), "float.wav"))
                .isInstanceOf(WavFormatException.class).hasMessage("float.wav: audio format 3 is not PCM (1)");
        assertThatThrownBy(() -> WavReader.read(TestWav.build(8000, 2, 16, 1, new short[4], false), "stereo.wav"))
                .isInstanceOf(WavFormatException.class).hasMessage("stereo.wav: 2 channels, expected mono (1)");
        assertThatThrownBy(() -> WavReader.read(TestWav.build(8000, 1, 8, 1, SAMPLES, false), "8bit.wav"))
                .isInstanceOf(WavFormatException.class).hasMessage("8bit.wav: 8 bits per sample, expected 16");
    }

    @Test
    void refusesTruncatedFiles() {
        byte[] whole = TestWav.pcm16(8000, SAMPLES);
        assertThatThrownBy(() -> WavReader.read(Arrays.copyOf(whole, whole.length - 3), "cut.wav"))
                .isInstanceOf(WavFormatException.class)
                .hasMessage("cut.wav: truncated: data chunk needs " + whole.length + " bytes, file has " + (whole.length - 3));
        assertThatThrownBy(() -> WavReader.read(Arrays.copyOf(whole, 30), "cutfmt.wav"))
                .isInstanceOf(WavFormatException.class).hasMessageStartingWith("cutfmt.wav: truncated: fmt chunk");
        assertThatThrownBy(() -> WavReader.read(Arrays.copyOf(whole, 40), "cuthead.wav"))
                .isInstanceOf(WavFormatException.class).hasMessageStartingWith("cuthead.wav: truncated: chunk header");
        assertThatThrownBy(() -> WavReader.read(Arrays.copyOf(whole, 36), "nodata.wav"))
                .isInstanceOf(WavFormatException.class).hasMessage("nodata.wav: no data chunk");
    }

    @Test
    void refusesOddDataLengthAndDataBeforeFormat() {
        byte[] odd = TestWav.pcm16(8000, SAMPLES);
        ByteBuffer.wrap(odd).order(ByteOrder.LITTLE_ENDIAN).putInt(40, SAMPLES.length * 2 - 1);
        assertThatThrownBy(() -> WavReader.read(odd, "odd.wav"))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("odd.wav: data chunk of 13 bytes");
        ByteBuffer b = ByteBuffer.allocate(12 + 12 + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("data".getBytes()).putInt(4).putShort((short) 1).putShort((short) 2);
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        assertThatThrownBy(() -> WavReader.read(b.array(), "order.wav"))
                .isInstanceOf(WavFormatException.class).hasMessage("order.wav: data chunk before the fmt chunk");
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> WavReader.read(dir.resolve("absent.wav")))
                .hasMessageContaining("absent.wav");
    }
}

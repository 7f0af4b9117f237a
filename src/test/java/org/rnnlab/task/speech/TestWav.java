package org.rnnlab.task.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV file bytes for tests, including deliberately wrong ones. */
final class TestWav {

    private TestWav() {
    }

    /** A well-formed 16-bit mono PCM WAV. */
    static byte[] pcm16(int sampleRate, short[] samples) {
        return build(sampleRate, 1, 16, 1, samples, false);
    }

    /**
     * A WAV with the given header fields around 16-bit sample data; {@code listChunk} puts a LIST
     * chunk of odd length between fmt and data.
     */
    static byte[] build(int sampleRate, int channels, int bits, int format, short[] samples, boolean listChunk) {
        byte[] list = listChunk ? "INFOxyz".getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
        int listBytes = listChunk ? 8 + list.length + 1 : 0;
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + listBytes + 8 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(b.capacity() - 8);
        b.put("WAVE".getBytes(StandardCharsets.ISO_8859_1));
        b.put("fmt ".getBytes(StandardCharsets.ISO_8859_1)).putInt(16);
        b.putShort((short) format).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (listChunk) {
            b.put("LIST".getBytes(StandardCharsets.ISO_8859_1)).putInt(list.length).put(list).put((byte) 0);
        }
        b.put("data".getBytes(StandardCharsets.ISO_8859_1)).putInt(dataBytes);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** 16-bit samples of a sine of {@code hz} Hz and peak {@code amplitude} (of 32767). */
    static short[] tone(double hz, int sampleRate, int length, double amplitude) {
        short[] s = new short[length];
        for (int i = 0; i < length; i++) {
            s[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / sampleRate));
        }
        return s;
    }
}

package org.rnnlab.task.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a RIFF/WAVE file holding 16-bit mono linear PCM, the format of the Free Spoken Digit
 * Dataset.
 *
 * <p>The file is a RIFF container: {@code "RIFF"}, a 32-bit little-endian size, {@code "WAVE"},
 * then chunks of (4-byte id, 32-bit little-endian size, data padded to an even length). The
 * {@code "fmt "} chunk must come before {@code "data"} and say format 1 (PCM, or
 * WAVE_FORMAT_EXTENSIBLE with the PCM sub-format), 1 channel and 16 bits per sample; other
 * chunks ({@code LIST}, {@code fact}, ...) are skipped. Anything else is refused with a
 * {@link WavFormatException} whose message names the file and what was found: not RIFF, not
 * WAVE, not PCM, wrong channel count or sample width, a missing chunk, or a chunk that runs past
 * the end of the file (truncated).
 */
public final class WavReader {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    /** Reads the WAV file at {@code file}. */
    public static PcmAudio read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.getFileName().toString());
    }

    /** Reads a WAV from a stream to its end; {@code name} appears in messages. */
    public static PcmAudio read(InputStream in, String name) throws IOException {
        return read(in.readAllBytes(), name);
    }

    /** Parses the bytes of a WAV file; {@code name} appears in messages. */
    public static PcmAudio read(byte[] bytes, String name) throws WavFormatException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12) {
            throw new WavFormatException(name + ": not a RIFF file (only " + bytes.length + " bytes)");
        }
        String riff = fourCc(bytes, 0);
        if (!riff.equals("RIFF")) {
            throw new WavFormatException(name + ": not a RIFF file (starts with " + printable(riff) + ")");
        }
        String wave = fourCc(bytes, 8);
        if (!wave.equals("WAVE")) {
            throw new WavFormatException(name + ": RIFF file of type " + printable(wave) + ", not WAVE");
        }
        int pos = 12;
        int sampleRate = -1;
        while (pos + 8 <= bytes.length) {
            String id = fourCc(bytes, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            long end = body + size;
            if (id.equals("fmt ")) {
                requireWithin(name, id, end, bytes.length);
                sampleRate = readFormat(buf, body, (int) size, name);
            } else if (id.equals("data")) {
                if (sampleRate < 0) {
                    throw new WavFormatException(name + ": data chunk before the fmt chunk");
                }
                requireWithin(name, id, end, bytes.length);
                if (size % 2 != 0) {
                    throw new WavFormatException(name + ": data chunk of " + size
                            + " bytes is not a whole number of 16-bit samples");
                }
                short[] samples = new short[(int) (size / 2)];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = buf.getShort(body + 2 * i);
                }
                return new PcmAudio(name, sampleRate, samples);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, end + (size & 1));
        }
        if (pos < bytes.length) {
            throw new WavFormatException(name + ": truncated: chunk header at byte " + pos
                    + " cut off at " + bytes.length + " bytes");
        }
        throw new WavFormatException(name + (sampleRate < 0 ? ": no fmt chunk" : ": no data chunk"));
    }

    private static int readFormat(ByteBuffer buf, int at, int size, String name) throws WavFormatException {
        if (size < 16) {
            throw new WavFormatException(name + ": fmt chunk of " + size + " bytes, expected at least 16");
        }
        int format = Short.toUnsignedInt(buf.getShort(at));
        int channels = Short.toUnsignedInt(buf.getShort(at + 2));
        long sampleRate = Integer.toUnsignedLong(buf.getInt(at + 4));
        int bits = Short.toUnsignedInt(buf.getShort(at + 14));
        if (format == FORMAT_EXTENSIBLE && size >= 40) {
            format = Short.toUnsignedInt(buf.getShort(at + 24)); // first two bytes of the sub-format GUID
        }
        if (format != FORMAT_PCM) {
            throw new WavFormatException(name + ": audio format " + format + " is not PCM (1)");
        }
        if (channels != 1) {
            throw new WavFormatException(name + ": " + channels + " channels, expected mono (1)");
        }
        if (bits != 16) {
            throw new WavFormatException(name + ": " + bits + " bits per sample, expected 16");
        }
        if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
            throw new WavFormatException(name + ": sample rate " + sampleRate + " Hz is not valid");
        }
        return (int) sampleRate;
    }

    private static void requireWithin(String name, String id, long end, int length) throws WavFormatException {
        if (end > length) {
            throw new WavFormatException(name + ": truncated: " + id.trim() + " chunk needs " + end
                    + " bytes, file has " + length);
        }
    }

    private static String fourCc(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return sb.append('"').toString();
    }
}

package org.rnnlab.task.speech;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bundled feature file: log-mel frames of many recordings, quantised to 8 bits per value
 * with a per-recording range, in a gzip stream (big-endian, {@link DataOutputStream} types).
 *
 * <pre>
 *   int    magic 0x46534D31 ("FSM1"), int version 1
 *   int    sampleRate, frameLength, hopLength, fftSize, melFilters, pool
 *   double minHz, maxHz, preEmphasis, floor
 *   int    count
 *   count × { byte digit, UTF speaker, short index, short frames T,
 *             float lo, float hi, T·M unsigned bytes q (frame-major) }
 * </pre>
 * A value v of a recording is stored as q = round(255 · (v − lo) / (hi − lo)) with lo, hi its
 * minimum and maximum, and read back as v' = lo + q · (hi − lo) / 255, so |v − v'| ≤ (hi − lo) / 510.
 */
final class FeatureBundle {

    static final int MAGIC = 0x46534D31;
    static final int VERSION = 1;

    /** One quantised recording. */
    record Entry(RecordingId id, int frames, float lo, float hi, byte[] q) {
    }

    /** A read bundle: the settings the features were made with, and the recordings. */
    record Contents(LogMelFeatures.Config config, List<Entry> entries) {
    }

    private FeatureBundle() {
    }

    static Entry quantize(RecordingId id, double[][] logMel) {
        if (logMel.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException(id.name() + ": " + logMel.length + " frames, at most "
                    + Short.MAX_VALUE + " fit");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : logMel) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        float lo = (float) min;
        float hi = (float) max;
        double span = (double) hi - lo;
        int width = logMel.length == 0 ? 0 : logMel[0].length;
        byte[] q = new byte[logMel.length * width];
        for (int t = 0; t < logMel.length; t++) {
            for (int j = 0; j < width; j++) {
                long level = span > 0 ? Math.round(255 * (logMel[t][j] - lo) / span) : 0;
                q[t * width + j] = (byte) Math.max(0, Math.min(255, level));
            }
        }
        return new Entry(id, logMel.length, lo, hi, q);
    }

    static double[][] dequantize(Entry e, int width) {
        double lo = e.lo();
        double step = ((double) e.hi() - lo) / 255;
        double[][] out = new double[e.frames()][width];
        for (int t = 0; t < e.frames(); t++) {
            for (int j = 0; j < width; j++) {
                out[t][j] = lo + Byte.toUnsignedInt(e.q()[t * width + j]) * step;
            }
        }
        return out;
    }

    static void write(OutputStream out, LogMelFeatures.Config c, List<Entry> entries) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(c.sampleRate());
        d.writeInt(c.frameLength());
        d.writeInt(c.hopLength());
        d.writeInt(c.fftSize());
        d.writeInt(c.melFilters());
        d.writeInt(c.pool());
        d.writeDouble(c.minHz());
        d.writeDouble(c.maxHz());
        d.writeDouble(c.preEmphasis());
        d.writeDouble(c.floor());
        d.writeInt(entries.size());
        for (Entry e : entries) {
            if (e.q().length != e.frames() * c.melFilters()) {
                throw new IllegalArgumentException(e.id().name() + ": " + e.q().length + " values, expected "
                        + e.frames() + " frames × " + c.melFilters());
            }
            d.writeByte(e.id().digit());
            d.writeUTF(e.id().speaker());
            d.writeShort(e.id().index());
            d.writeShort(e.frames());
            d.writeFloat(e.lo());
            d.writeFloat(e.hi());
            d.write(e.q());
        }
        d.flush();
        gz.finish();
    }

    static Contents read(InputStream in, String name) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        try {
            int magic = d.readInt();
            if (magic != MAGIC) {
                throw new IOException(name + ": not a speech feature bundle (magic 0x" + Integer.toHexString(magic) + ")");
            }
            int version = d.readInt();
            if (version != VERSION) {
                throw new IOException(name + ": feature bundle version " + version + ", this build reads " + VERSION);
            }
            int sampleRate = d.readInt();
            int frameLength = d.readInt();
            int hop = d.readInt();
            int fftSize = d.readInt();
            int mel = d.readInt();
            int pool = d.readInt();
            LogMelFeatures.Config c = new LogMelFeatures.Config(sampleRate, frameLength, hop, fftSize, mel,
                    d.readDouble(), d.readDouble(), d.readDouble(), pool, d.readDouble());
            int count = d.readInt();
            if (count < 0) {
                throw new IOException(name + ": negative recording count " + count);
            }
            List<Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                RecordingId id = new RecordingId(d.readByte(), d.readUTF(), d.readShort());
                int frames = d.readShort();
                if (frames < 1) {
                    throw new IOException(name + ": recording " + id.name() + " has " + frames + " frames");
                }
                float lo = d.readFloat();
                float hi = d.readFloat();
                byte[] q = new byte[frames * mel];
                d.readFully(q);
                entries.add(new Entry(id, frames, lo, hi, q));
            }
            if (d.read() != -1) {
                throw new IOException(name + ": unexpected bytes after " + count + " recordings");
            }
            return new Contents(c, entries);
        } catch (EOFException e) {
            throw new IOException(name + ": truncated feature bundle", e);
        }
    }
}

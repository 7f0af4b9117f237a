package org.rnnlab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a restarted JVM's standard error to ours, without the line the JVM prints first because
 * it was started with {@code --add-modules jdk.incubator.vector}
 * ({@value #WARNING}), so that a command's error stays the one line it is. Everything else is
 * copied unchanged and as it arrives.
 */
final class IncubatorWarningFilter {
    private IncubatorWarningFilter() {}

    static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    /** Copies {@code in} to {@code out} until its end, dropping {@link #WARNING} if it is the first line. */
    static void copy(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            first.write(b);
            if (b == '\n' || first.size() > WARNING.length() + 2) {
                break;
            }
        }
        String line = first.toString(StandardCharsets.UTF_8);
        if (!line.strip().equals(WARNING) || !line.endsWith("\n")) {
            first.writeTo(out);
            out.flush();
        }
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }

    /** Starts a daemon thread that copies {@code child}'s standard error to this process's. */
    static Thread start(Process child, OutputStream out) {
        Thread t = new Thread(() -> {
            try (InputStream in = child.getErrorStream()) {
                copy(in, out);
            } catch (IOException ignored) {
                // the child or our standard error has gone: nothing left to copy to or from
            }
        }, "relaunched-jvm-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }
}

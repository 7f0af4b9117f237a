package org.rnnlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a crash mid-save never loses the previous version: the bytes go to a
 * temporary file in the same directory, are forced to disk, and the temporary file is renamed
 * over the target in one step.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Something that writes the file's content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        try (Replacement r = begin(target)) {
            try (OutputStream out = Files.newOutputStream(r.temp(), StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(out);
            }
            r.commit();
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Starts replacing {@code target}: write the new content to {@link Replacement#temp()} (for
     * writers that stream, such as an animated GIF's frames arriving one by one), then
     * {@link Replacement#commit()}. Closing without a commit deletes the temporary file and leaves
     * the target as it was.
     */
    public static Replacement begin(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        keepPermissions(abs, temp);
        return new Replacement(abs, temp);
    }

    /**
     * A temporary file is readable by its owner only; the file it becomes keeps the permissions of
     * the file it replaces, or gets rw-r--r-- (what a new file usually gets) when there was none.
     */
    private static void keepPermissions(Path target, Path temp) {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    /** A temporary file that becomes the target on {@link #commit()}. */
    public static final class Replacement implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private boolean committed;

        private Replacement(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        /** Where to write the new content. */
        public Path temp() {
            return temp;
        }

        /** Forces the temporary file to disk and renames it over the target in one step. */
        public void commit() throws IOException {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        /** Deletes the temporary file unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }
}

package org.rnnlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a crash mid-save never loses the previous version: the bytes go to a
 * temporary file {@code .NAME.<random>.tmp} in the same directory, are forced to disk, and the
 * temporary file is renamed over the target in one step (then the directory is forced too).
 *
 * <p>The result keeps the permissions of the file it replaces, or gets what the user's umask
 * gives a new file. Temporary files are deleted on every failure, at normal JVM exit and Ctrl-C
 * (a shutdown hook), and stale ones of the same target, left by a killed process, are removed
 * by the next write. Only regular files are replaced: a directory, device or pipe is refused.
 */
public final class AtomicFiles {
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : OPEN) {
                p.toFile().delete();
            }
        }, "rnnlab-temp-cleanup"));
    }

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
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs) || Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw new IOException(abs + " is not a regular file; only regular files are replaced");
        }
        if (dir != null) {
            Files.createDirectories(dir);
        }
        removeStale(abs);
        Path temp = newTemp(abs);
        keepPermissions(abs, temp);
        return new Replacement(abs, temp);
    }

    /**
     * Creates an empty temporary file beside {@code target}, named {@code .NAME.<16 hex>.tmp}, with
     * the permissions the umask gives a new file, and registers it for deletion at exit.
     */
    static Path newTemp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String name = "." + target.getFileName() + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + ".tmp";
        Path temp = dir == null ? Path.of(name) : dir.resolve(name);
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        OPEN.add(temp);
        return temp;
    }

    /** Deletes temporary files of {@code target} that earlier writes (killed processes) left behind. */
    static void removeStale(Path target) {
        Path dir = target.getParent();
        if (dir == null) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp") && n.length() == prefix.length() + 16 + 4
                    && n.substring(prefix.length(), prefix.length() + 16).matches("[0-9a-f]{16}");
        })) {
            for (Path p : ds) {
                if (!OPEN.contains(p)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning is best effort; the write itself reports real problems
        }
    }

    /** The file it replaces keeps its permissions; a new one keeps the umask's. */
    private static void keepPermissions(Path target, Path temp) {
        try {
            if (Files.exists(target)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
                Files.setPosixFilePermissions(temp, perms);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    /** A short reason for a failed write, without a stack trace: "permission denied", "No space left on device". */
    public static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return Messages.clean(f.getReason(), 200);
        }
        return Messages.clean(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 200);
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
            OPEN.remove(temp);
            forceDirectory(target.getParent());
        }

        /** Deletes the temporary file unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    Files.deleteIfExists(temp);
                } finally {
                    OPEN.remove(temp);
                }
            }
        }
    }

    private static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // some file systems cannot open a directory; the rename is done either way
        }
    }
}

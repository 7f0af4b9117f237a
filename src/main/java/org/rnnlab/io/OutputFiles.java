package org.rnnlab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks made on every output before any work starts: its folder exists and takes a new file
 * (tried, not guessed: a read-only mount or /proc refuses it here), it is not a directory, device
 * or pipe, and it is none of the command's inputs nor another of its outputs (compared by real
 * path, so {@code ./s.json}, {@code s.json} and a link to it are the same file). Each refusal is
 * an IllegalArgumentException with one line naming the option and the path.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** A file a command reads or writes, with the option that named it. */
    public record Named(String option, Path path) {}

    /** The absolute path of {@code target}, refused when it cannot be written. */
    public static Path checkWritable(String option, Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        String shown = Messages.clean(target.toString(), 200);
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + ": folder " + Messages.clean(String.valueOf(dir), 200)
                    + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new IllegalArgumentException(option + ": " + shown + " is a directory");
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw new IllegalArgumentException(option + ": " + shown + " is not a regular file (a device, pipe or socket)");
        }
        try {
            Path probe = AtomicFiles.newTemp(abs);
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(option + ": cannot write in " + Messages.clean(dir.toString(), 200) + " ("
                    + AtomicFiles.reason(e) + ")");
        }
        return abs;
    }

    /** Refuses an output that is one of the inputs or another output. */
    public static void checkDistinct(List<Named> outputs, List<Named> inputs) {
        for (int i = 0; i < outputs.size(); i++) {
            Named out = outputs.get(i);
            if (out.path() == null) {
                continue;
            }
            Path o = real(out.path());
            for (Named in : inputs) {
                if (in.path() != null && o.equals(real(in.path()))) {
                    throw new IllegalArgumentException(out.option() + " " + Messages.clean(out.path().toString(), 200)
                            + " is the same file as " + in.option() + " " + Messages.clean(in.path().toString(), 200)
                            + ": writing it would destroy the input; choose another file");
                }
            }
            for (int k = 0; k < i; k++) {
                Named other = outputs.get(k);
                if (other.path() != null && o.equals(real(other.path()))) {
                    throw new IllegalArgumentException(out.option() + " and " + other.option() + " name the same file "
                            + Messages.clean(out.path().toString(), 200) + "; give each its own file");
                }
            }
        }
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path r = existing.toRealPath();
            return rest == null ? r : r.resolve(rest);
        } catch (IOException e) {
            return abs;
        }
    }
}

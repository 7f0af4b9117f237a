package org.rnnlab.io.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.io.Messages;

/**
 * Writes an {@link ExportedRun} for a framework into a folder (created if missing). Files already
 * there are replaced only with {@code force}; every file is written atomically. Shared by the
 * {@code export} command and the window's File ▸ Export entries.
 */
public final class RunExporter {
    private RunExporter() {}

    /**
     * The files this would write for {@code target} into {@code dir}, after checking that the
     * cell suits the framework and that nothing is replaced without {@code force}.
     *
     * @throws IllegalArgumentException one line saying why not
     */
    public static List<Path> plan(ExportedRun run, ExportTarget target, Path dir, boolean force) {
        String why = target.refusal(run.config().cell(), run.clamp() != null);
        if (why == null && target == ExportTarget.KERAS) {
            why = KerasLayers.refusal(run);
        }
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        String shown = Messages.clean(dir.toString(), 200);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out: " + shown + " is not a folder");
        }
        List<Path> out = new ArrayList<>();
        for (String name : target.files()) {
            Path f = dir.resolve(name);
            if (Files.exists(f) && !force) {
                throw new IllegalArgumentException("--out: " + Messages.clean(f.toString(), 200)
                        + " exists; add --force to replace it");
            }
            out.add(f);
        }
        return out;
    }

    /** Writes the files {@link #plan} names and returns them. */
    public static List<Path> export(ExportedRun run, ExportTarget target, Path dir, boolean force) throws IOException {
        List<Path> files = plan(run, target, dir, force);
        Files.createDirectories(dir);
        switch (target) {
            case PYTORCH -> PyTorchExport.write(dir, run);
            case KERAS -> KerasExport.write(dir, run);
        }
        return files;
    }
}

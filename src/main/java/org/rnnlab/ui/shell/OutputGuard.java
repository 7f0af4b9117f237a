package org.rnnlab.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.rnnlab.io.OutputFiles;

/**
 * The window's outputs are never its inputs, as on the command line ({@link OutputFiles}): a
 * save or export aimed at the run's CSV data, or an export aimed at the session file the window
 * has open, is refused with one line before anything is written, and the file is left as it was.
 * Compared by real path, so a link or another spelling of the same file is caught too.
 */
final class OutputGuard {
    private OutputGuard() {}

    /**
     * {@code write}'s future, or a failed one with the {@link #refusal} when {@code target} is one
     * of {@code inputs}.
     */
    static <T> CompletableFuture<T> distinct(Path target, String doing, List<OutputFiles.Named> inputs,
                                             Supplier<CompletableFuture<T>> write) {
        RefusedFileException r = refusal(target, doing, inputs);
        return r != null ? CompletableFuture.failedFuture(r) : write.get();
    }

    /**
     * Why {@code target} must not be written (it is one of {@code inputs}; a null input is
     * ignored), or null when it may.
     *
     * @param doing what the output is, as the message names it ("Save session to")
     */
    static RefusedFileException refusal(Path target, String doing, List<OutputFiles.Named> inputs) {
        try {
            OutputFiles.checkDistinct(List.of(new OutputFiles.Named(doing, target)), inputs);
            return null;
        } catch (IllegalArgumentException e) {
            return new RefusedFileException(e.getMessage());
        }
    }

    /** The files the window's run reads: its CSV data, and (unless saving the session itself) the open session. */
    static List<OutputFiles.Named> inputs(MainWindow window, boolean withSession) {
        List<OutputFiles.Named> out = new ArrayList<>();
        Path data = window.settings().settings().taskOptions().file();
        if (data != null) {
            out.add(new OutputFiles.Named("the run's CSV data", data));
        }
        Path session = window.files().currentSession();
        if (withSession && session != null) {
            out.add(new OutputFiles.Named("the session open in the window", session));
        }
        return out;
    }
}

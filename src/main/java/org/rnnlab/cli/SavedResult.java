package org.rnnlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.rnnlab.io.Messages;
import org.rnnlab.io.SessionFile;
import org.rnnlab.training.SessionState;

/**
 * A result that took long to compute is not lost when its file cannot be written at the end
 * (the disk filled up, the folder was removed): it goes to the system's temporary folder instead,
 * and the one-line error names where.
 */
final class SavedResult {
    private SavedResult() {}

    /** Writes the session to {@code target}, or to a temporary file the error names. */
    static void session(Path target, SessionState state, List<String> names) {
        try {
            SessionFile.write(target, state, names);
        } catch (IOException e) {
            String why = reason(e);
            try {
                Path fallback = Files.createTempFile("rnn-lab-session-", ".json");
                SessionFile.write(fallback, state, names);
                throw new UserInputException("--save-session: cannot write " + Messages.clean(target.toString(), 200)
                        + " (" + why + "); the session is saved in " + fallback + " instead");
            } catch (IOException again) {
                throw new UserInputException("--save-session: cannot write " + Messages.clean(target.toString(), 200)
                        + " (" + why + "), nor a copy in the temporary folder (" + reason(again) + ")");
            }
        }
    }

    /** Moves a finished temporary file to the system's temporary folder; its new path, or null. */
    static Path keep(Path temp, String prefix, String suffix) {
        try {
            Path kept = Files.createTempFile(prefix, suffix);
            Files.move(temp, kept, StandardCopyOption.REPLACE_EXISTING);
            return kept;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return Messages.clean(f.getReason(), 200);
        }
        return Messages.clean(String.valueOf(e.getMessage()), 200);
    }
}

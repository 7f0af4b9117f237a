package org.rnnlab.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions the File and Export menus ask and the messages they show: file choosers, the
 * GIF options, a yes/no question, a refusal, a confirmation. The window uses {@link DialogPrompts};
 * tests give scripted answers. FX thread.
 */
public interface FilePrompts {
    /** A view that can be exported: its id and title. */
    record ViewChoice(String id, String title) {
    }

    /**
     * A file to write.
     *
     * @param extension without the dot ("json", "png")
     */
    Optional<Path> chooseSave(String title, String description, String extension, String suggestedName);

    /** A file to read. */
    Optional<Path> chooseOpen(String title, String description, List<String> extensions);

    /** The GIF's view, range, frame delay and scale, starting from {@code proposed}. */
    Optional<GifRequest> gifOptions(GifRequest proposed, List<ViewChoice> views, int steps);

    /** A yes/no question; true for yes. */
    boolean confirm(String title, String question);

    /** Something was refused or failed: one clear message naming the file (and the field). */
    void error(String title, String message);

    /** Something was done ("Saved lesson.json"). */
    void info(String message);
}

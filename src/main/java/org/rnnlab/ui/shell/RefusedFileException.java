package org.rnnlab.ui.shell;

/**
 * A file action that could not be done: a session or weights file refused (its message names the
 * file and the field, as {@link org.rnnlab.io.FormatException} does), or a file that could not be
 * written. The message is the one line the window shows.
 */
public final class RefusedFileException extends RuntimeException {
    public RefusedFileException(String message) {
        super(message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
    }
}

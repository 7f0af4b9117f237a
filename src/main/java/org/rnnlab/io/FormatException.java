package org.rnnlab.io;

/**
 * A file that is malformed or inconsistent: the message names the file and the field, so it
 * can be printed as one line (control characters in it are escaped, see {@link Messages}).
 */
public class FormatException extends Exception {
    private final String file;
    private final String field;

    public FormatException(String file, String field, String problem) {
        super(Messages.oneLine(file + ": " + (field == null || field.isEmpty() ? "" : "field '" + field + "': ") + problem));
        this.file = file;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }
}

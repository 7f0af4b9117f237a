package org.rnnlab.io;

/**
 * A file that is malformed or inconsistent: the message names the file and the field, so it
 * can be printed as one line (line breaks in it are replaced by spaces).
 */
public class FormatException extends Exception {
    private final String file;
    private final String field;

    public FormatException(String file, String field, String problem) {
        super(oneLine(file + ": " + (field == null || field.isEmpty() ? "" : "field '" + field + "': ") + problem));
        this.file = file;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}

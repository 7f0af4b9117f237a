package org.rnnlab.task;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One numeric column of a CSV file, read whole before anything is built from it.
 *
 * <p>Format: UTF-8 text, one record per line, fields separated by tabs if the first line has a
 * tab, else by semicolons if it has one, else by commas; fields may be double-quoted ("" is a
 * quote inside). Numbers use a decimal point ({@code 12.5}, {@code -3e-2}). Blank lines are
 * skipped. The first non-blank line is a header when none of its fields is a number.
 *
 * <p>The column is chosen by {@code column}: a header name (case-insensitive), else a 1-based
 * index (1 = the first column, as spreadsheets and {@code cut -f} count); null means the last
 * column. Every other line must hold a finite number in that column: the first that does not
 * is reported with its line number (1-based, counting every physical line) and value.
 */
public record CsvSeries(String source, String column, double[] values) {
    /** Files larger than this are refused before reading. */
    public static final long MAX_BYTES = 64L << 20;
    /** Series longer than this are refused. */
    public static final int MAX_VALUES = 1_000_000;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    public CsvSeries {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    /** Reads {@code file}; every problem is an IllegalArgumentException naming the file. */
    public static CsvSeries read(Path file, String column) {
        if (file == null) {
            throw new IllegalArgumentException("no CSV file given (--file PATH)");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("file '" + file + "' does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("'" + file + "' is a directory, not a CSV file");
        }
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException("file '" + file + "' is " + size + " bytes; at most " + MAX_BYTES
                        + " are read");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("file '" + file + "' is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read file '" + file + "': " + e.getMessage());
        }
        return parse(text, "file '" + file + "'", column);
    }

    /**
     * Parses CSV text. {@code source} names it in error messages ("file 'x.csv'").
     */
    public static CsvSeries parse(String text, String source, String column) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        int first = -1;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException(source + " is empty");
        }
        char sep = lines[first].indexOf('\t') >= 0 ? '\t' : lines[first].indexOf(';') >= 0 ? ';' : ',';
        List<String> head = fields(strip(lines[first]), sep);
        boolean header = head.stream().noneMatch(f -> NUMBER.matcher(f).matches());
        int col = resolveColumn(head, header, column, source);
        String colName = header ? "'" + head.get(col) + "'" : Integer.toString(col + 1);
        List<Double> values = new ArrayList<>();
        for (int i = header ? first + 1 : first; i < lines.length; i++) {
            String line = strip(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            List<String> f = fields(line, sep);
            if (f.size() <= col) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": has " + f.size() + " field"
                        + (f.size() == 1 ? "" : "s") + ", column " + colName + " is number " + (col + 1));
            }
            String raw = f.get(col);
            if (raw.isEmpty()) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": column " + colName + " is empty");
            }
            if (!NUMBER.matcher(raw).matches()) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": '" + raw + "' in column " + colName
                        + " is not a number");
            }
            double v = Double.parseDouble(raw);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": '" + raw + "' in column " + colName
                        + " is too large");
            }
            if (values.size() == MAX_VALUES) {
                throw new IllegalArgumentException(source + " holds more than " + MAX_VALUES + " values");
            }
            values.add(v);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(source + " has no values in column " + colName);
        }
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return new CsvSeries(source, header ? head.get(col) : "column " + (col + 1), a);
    }

    private static int resolveColumn(List<String> head, boolean header, String column, String source) {
        int n = head.size();
        if (column == null) {
            return n - 1;
        }
        String c = column.trim();
        if (header) {
            for (int k = 0; k < n; k++) {
                if (head.get(k).toLowerCase(Locale.ROOT).equals(c.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
        }
        if (c.matches("[+-]?\\d+")) {
            long k;
            try {
                k = Long.parseLong(c);
            } catch (NumberFormatException e) {
                k = Long.MAX_VALUE;
            }
            if (k < 1 || k > n) {
                throw new IllegalArgumentException("column " + c + " is outside 1.." + n + " (" + source + " has " + n
                        + " column" + (n == 1 ? "" : "s") + "; columns count from 1)");
            }
            return (int) k - 1;
        }
        if (!header) {
            throw new IllegalArgumentException("column '" + c + "' cannot be found: " + source
                    + " has no header line; give the column as a number 1.." + n);
        }
        throw new IllegalArgumentException("column '" + c + "' is not one of " + String.join(", ", head) + " (in "
                + source + ")");
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Splits one line on {@code sep}, honouring double quotes; fields are trimmed. */
    static List<String> fields(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == sep) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }
}

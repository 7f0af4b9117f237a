package org.rnnlab.task;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One numeric column of a CSV file, read whole before anything is built from it.
 *
 * <p>Format (read with Apache Commons CSV, RFC 4180): UTF-8 text, one record per line, fields
 * separated by tabs if the first line has a tab, else by semicolons if it has one, else by
 * commas; fields may be double-quoted ("" is a quote inside; a quote left open is an error).
 * Read as a stream: a line longer than {@link #MAX_LINE}, a value beyond ±{@link #MAX_MAGNITUDE},
 * a device or pipe is refused, so memory stays a small multiple of the values kept. Numbers use a decimal point ({@code 12.5}, {@code -3e-2}). Blank lines are
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
    /** Lines longer than this are refused (a series has one short record a line). */
    public static final int MAX_LINE = 1 << 16;
    /** Values larger in magnitude are refused: their squares must stay finite when normalised. */
    public static final double MAX_MAGNITUDE = 1e100;

    private static final Pattern UNCLOSED = Pattern.compile("startline (\\d+)\\) EOF reached before encapsulated");
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
        String source = "file '" + clean(file.toString()) + "'";
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(source + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("'" + clean(file.toString()) + "' is a directory, not a CSV file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(source + " is not a regular file (a device, pipe or socket)");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException(source + " is " + size + " bytes; at most " + MAX_BYTES + " are read");
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8), 1 << 16)) {
                return parse(in, source, column);
            }
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(source + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + source + ": " + clean(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Parses CSV text. {@code source} names it in error messages ("file 'x.csv'").
     */
    public static CsvSeries parse(String text, String source, String column) {
        try {
            return parse(new StringReader(text), source, column);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + clean(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Parses CSV from a reader, holding one record and the values read so far: lines longer than
     * {@link #MAX_LINE} characters are refused as they are read, so memory stays bounded whatever
     * the file holds.
     */
    static CsvSeries parse(Reader text, String source, String column) throws IOException {
        BufferedReader in = new BufferedReader(new LineLimit(text, source), 1 << 16);
        in.mark(MAX_LINE + 2);
        int c0 = in.read();
        if (c0 != '\uFEFF') {
            in.reset();
        }
        in.mark(MAX_LINE + 2);
        String firstLine = null;
        int skipped = 0;
        for (String l; (l = in.readLine()) != null; skipped++) {
            if (!l.isBlank()) {
                firstLine = l;
                break;
            }
            in.mark(MAX_LINE + 2);
        }
        if (firstLine == null) {
            throw new IllegalArgumentException(source + " is empty");
        }
        in.reset();
        char sep = firstLine.indexOf('\t') >= 0 ? '\t' : firstLine.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sep).setIgnoreEmptyLines(true).setTrim(true)
                .setIgnoreSurroundingSpaces(true).get();
        double[] values = new double[1024];
        int n = 0;
        List<String> head = null;
        boolean header = false;
        int col = -1;
        long last = 0;
        String colName = null;
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException e) {
                    String m = String.valueOf(e.getCause().getMessage());
                    java.util.regex.Matcher open = UNCLOSED.matcher(m);
                    if (open.find()) {
                        throw new IllegalArgumentException(source + ", line " + (skipped + Long.parseLong(open.group(1)))
                                + ": a quoted field opens here and is never closed");
                    }
                    throw new IllegalArgumentException(source + ", line " + (skipped + parser.getCurrentLineNumber() + 1)
                            + ": " + clean(m));
                }
                last = Math.max(parser.getCurrentLineNumber(), last + 1);
                if (rec.size() == 1 && rec.get(0).isEmpty()) {
                    continue;
                }
                if (head == null) {
                    head = rec.toList();
                    header = head.stream().noneMatch(f -> NUMBER.matcher(f).matches());
                    col = resolveColumn(head, header, column, source);
                    colName = header ? "'" + clean(head.get(col)) + "'" : Integer.toString(col + 1);
                    if (header) {
                        continue;
                    }
                }
                String line = "line " + (skipped + last);
                if (rec.size() <= col) {
                    throw new IllegalArgumentException(source + ", " + line + ": has " + rec.size() + " field"
                            + (rec.size() == 1 ? "" : "s") + ", column " + colName + " is number " + (col + 1));
                }
                String raw = rec.get(col);
                if (raw.isEmpty()) {
                    throw new IllegalArgumentException(source + ", " + line + ": column " + colName + " is empty");
                }
                if (!NUMBER.matcher(raw).matches()) {
                    throw new IllegalArgumentException(source + ", " + line + ": '" + clean(raw) + "' in column " + colName
                            + " is not a number");
                }
                double v = Double.parseDouble(raw);
                if (!(Math.abs(v) <= MAX_MAGNITUDE)) {
                    throw new IllegalArgumentException(source + ", " + line + ": '" + clean(raw) + "' in column " + colName
                            + " is too large (at most " + MAX_MAGNITUDE + " in magnitude)");
                }
                if (n == MAX_VALUES) {
                    throw new IllegalArgumentException(source + " holds more than " + MAX_VALUES + " values");
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, Math.min(MAX_VALUES, 2 * n));
                }
                values[n++] = v;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(source + " has no values in column " + colName);
        }
        return new CsvSeries(source, header ? head.get(col) : "column " + (col + 1), Arrays.copyOf(values, n));
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

    /** A value echoed in a message, on one line and at most 60 characters. */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 60; i++) {
            char c = s.charAt(i);
            sb.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                    : Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c)
                    : String.valueOf(c));
        }
        return sb.length() < s.length() && sb.length() >= 60 ? sb + "..." : sb.toString();
    }

    /** Refuses a line longer than {@link #MAX_LINE} characters as soon as it is read. */
    private static final class LineLimit extends FilterReader {
        private final String source;
        private int line = 1;
        private int length;

        LineLimit(Reader in, String source) {
            super(in);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) {
                count(buf[off + i]);
            }
            return n;
        }

        private void count(char c) {
            if (c == '\n') {
                line++;
                length = 0;
            } else if (++length > MAX_LINE) {
                throw new IllegalArgumentException(source + ", line " + line + ": is longer than " + MAX_LINE
                        + " characters");
            }
        }
    }
}

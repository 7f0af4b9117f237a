package org.rnnlab.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.training.MemoryEstimate;

/**
 * The one JSON reader of every file RNN Lab reads (sessions, weights, fixtures, lessons): regular
 * files only (no device, FIFO or directory), at most a given size, one document with nothing
 * after it, no duplicate keys, bounded nesting, number, string and name lengths
 * ({@link StreamReadConstraints}), and enough heap for the tree checked before it is built. Every
 * problem is a {@link FormatException} naming the file and, where the parser knows it, the field.
 */
public final class StrictJson {
    /** Deeper nesting than any of our formats uses (a fixture tensor is 3 deep inside 3 objects). */
    public static final int MAX_DEPTH = 32;
    /** Digits of one number: a double needs at most 25 characters. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** Characters of one string (a lesson's text is the longest). */
    public static final int MAX_STRING_LENGTH = 1 << 20;
    /** Characters of one field name. */
    public static final int MAX_NAME_LENGTH = 256;
    /** Heap per structural character (',' '[' '{' ':') of the file: a tree node and its slot. */
    private static final long BYTES_PER_TOKEN = 48;

    private static final JsonMapper STRICT = mapper(false);
    private static final JsonMapper NON_NUMERIC = mapper(true);

    private StrictJson() {}

    private static JsonMapper mapper(boolean nonNumeric) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper.Builder b = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        if (nonNumeric) {
            b.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
        }
        return b.build();
    }

    /**
     * Reads {@code path} as one JSON object.
     *
     * @param file       how messages name the file
     * @param maxBytes   larger files are refused before reading
     * @param nonNumeric accept Python's bare NaN and Infinity (fixtures)
     */
    public static JsonNode readObject(Path path, String file, long maxBytes, boolean nonNumeric) throws FormatException {
        return parseObject(readBytes(path, file, maxBytes), file, nonNumeric);
    }

    /** Parses {@code bytes} (UTF-8) as one JSON object, with the checks of {@link #readObject}. */
    public static JsonNode parseObject(byte[] bytes, String file, boolean nonNumeric) throws FormatException {
        long tokens = 1;
        for (byte c : bytes) {
            if (c == ',' || c == '[' || c == '{' || c == ':') {
                tokens++;
            }
        }
        try {
            MemoryEstimate.of(file + " (" + bytes.length + " bytes)", "JSON tree",
                    tokens * BYTES_PER_TOKEN + 2L * bytes.length).requireFits();
        } catch (IllegalArgumentException e) {
            throw new FormatException(file, "", e.getMessage());
        }
        JsonNode root;
        try {
            root = (nonNumeric ? NON_NUMERIC : STRICT).readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new FormatException(file, fieldOf(e), limitText(e) + location(e));
        } catch (JsonProcessingException e) {
            throw new FormatException(file, fieldOf(e), "is not valid JSON" + location(e) + ": "
                    + Messages.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new FormatException(file, "", "cannot be read: " + Messages.firstLine(String.valueOf(e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new FormatException(file, "", "holds no JSON value");
        }
        if (!root.isObject()) {
            throw new FormatException(file, "", "must hold a JSON object, holds " + JsonArrays.kind(root));
        }
        return root;
    }

    /**
     * The whole content of a regular file of at most {@code maxBytes} (a device, FIFO or
     * directory is refused before it is opened; a file that grows while read is refused too).
     */
    public static byte[] readBytes(Path path, String file, long maxBytes) throws FormatException {
        try {
            if (!Files.exists(path)) {
                throw new FormatException(file, "", "no such file");
            }
            if (Files.isDirectory(path)) {
                throw new FormatException(file, "", "is a directory, not a file");
            }
            if (!Files.isRegularFile(path)) {
                throw new FormatException(file, "", "is not a regular file (a device, pipe or socket)");
            }
            long size = Files.size(path);
            if (size == 0) {
                throw new FormatException(file, "", "is empty");
            }
            if (size > maxBytes) {
                throw new FormatException(file, "", "is " + size + " bytes, more than the limit of " + maxBytes);
            }
            try {
                MemoryEstimate.of(file + " (" + size + " bytes)", "its bytes", size).requireFits();
            } catch (IllegalArgumentException e) {
                throw new FormatException(file, "", e.getMessage());
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new FormatException(file, "", "grew beyond the limit of " + maxBytes + " bytes while read");
                }
                if (bytes.length == 0) {
                    throw new FormatException(file, "", "is empty");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new FormatException(file, "", "no such file");
        } catch (AccessDeniedException e) {
            throw new FormatException(file, "", "cannot be read: permission denied");
        } catch (IOException e) {
            throw new FormatException(file, "", "cannot be read: " + Messages.firstLine(String.valueOf(e.getMessage())));
        } catch (OutOfMemoryError e) {
            throw new FormatException(file, "", "is too large to read in this heap (" + size(path) + " bytes; -Xmx)");
        }
    }

    /** What a read limit refused, with the limit: "nests deeper than 32 levels". */
    private static String limitText(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Document nesting depth")) {
            return "nests deeper than " + MAX_DEPTH + " levels";
        }
        if (m.startsWith("Number value length") || m.startsWith("Number length")) {
            return "holds a number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (m.startsWith("String value length") || m.startsWith("String length")) {
            return "holds a string longer than " + MAX_STRING_LENGTH + " characters";
        }
        if (m.startsWith("Name length")) {
            return "holds a field name longer than " + MAX_NAME_LENGTH + " characters";
        }
        return Messages.firstLine(m);
    }

    /** Where a parse error happened, as a field path such as "weights.weight_hh[3]", or "". */
    static String fieldOf(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        int guard = 0;
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot() && guard++ < MAX_DEPTH + 2;
                c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String s = String.join("", parts);
        return Messages.clean(s.startsWith(".") ? s.substring(1) : s, 120);
    }

    private static String location(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
            return "";
        }
        return " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String size(Path p) {
        try {
            return Long.toString(Files.size(p));
        } catch (IOException e) {
            return "?";
        }
    }
}

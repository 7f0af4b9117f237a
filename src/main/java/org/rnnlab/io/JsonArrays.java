package org.rnnlab.io;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads nested JSON number arrays of a required shape into flat row-major {@code double[]},
 * reporting the field path on any mismatch. A tensor's shape is checked against the JSON before
 * anything is allocated, so a declared size can never ask for more memory than the file holds.
 */
final class JsonArrays {
    private final String file;

    JsonArrays(String file) {
        this.file = file;
    }

    JsonNode require(JsonNode parent, String path, String name) throws FormatException {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull() || n.isMissingNode()) {
            throw new FormatException(file, join(path, name), "missing");
        }
        return n;
    }

    void requireObject(JsonNode n, String field) throws FormatException {
        if (!n.isObject()) {
            throw new FormatException(file, field, "must be a JSON object, was " + abbreviate(n));
        }
    }

    static String join(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    int positiveInt(JsonNode root, String name) throws FormatException {
        JsonNode n = require(root, "", name);
        if (!n.isIntegralNumber()) {
            throw new FormatException(file, name, "must be an integer, was " + abbreviate(n));
        }
        if (!n.canConvertToInt()) {
            throw new FormatException(file, name, "must be in 1.." + Integer.MAX_VALUE + ", was " + abbreviate(n));
        }
        if (n.intValue() <= 0) {
            throw new FormatException(file, name, "must be at least 1, was " + n.intValue());
        }
        return n.intValue();
    }

    /** An integer in lo..hi, compared exactly (2^32 + 16 is out of range, never 16). */
    long integer(JsonNode parent, String path, String name, long lo, long hi) throws FormatException {
        JsonNode n = require(parent, path, name);
        String field = join(path, name);
        if (!n.isIntegralNumber()) {
            throw new FormatException(file, field, "must be a whole number in " + lo + ".." + hi + ", was " + abbreviate(n));
        }
        if (!n.canConvertToLong() || n.longValue() < lo || n.longValue() > hi) {
            throw new FormatException(file, field, "must be in " + lo + ".." + hi + ", was " + abbreviate(n));
        }
        return n.longValue();
    }

    /** A finite number in [lo, hi] ({@code lo} excluded when {@code openLow}). */
    double number(JsonNode parent, String path, String name, double lo, double hi, boolean openLow)
            throws FormatException {
        JsonNode n = require(parent, path, name);
        String field = join(path, name);
        String range = (openLow ? "(" : "[") + lo + ", " + hi + "]";
        if (!n.isNumber()) {
            throw new FormatException(file, field, "must be a number in " + range + ", was " + abbreviate(n));
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v) || v > hi || v < lo || openLow && v == lo) {
            throw new FormatException(file, field, "must be in " + range + ", was " + abbreviate(n));
        }
        return v;
    }

    boolean bool(JsonNode parent, String path, String name) throws FormatException {
        JsonNode n = require(parent, path, name);
        if (!n.isBoolean()) {
            throw new FormatException(file, join(path, name), "must be true or false, was " + abbreviate(n));
        }
        return n.booleanValue();
    }

    JsonNode object(JsonNode parent, String path, String name) throws FormatException {
        JsonNode n = require(parent, path, name);
        requireObject(n, join(path, name));
        return n;
    }

    JsonNode array(JsonNode parent, String path, String name) throws FormatException {
        JsonNode n = require(parent, path, name);
        if (!n.isArray()) {
            throw new FormatException(file, join(path, name), "must be an array, was " + kind(n));
        }
        return n;
    }

    /** An array of finite numbers of any length. */
    double[] finiteVector(JsonNode n, String field) throws FormatException {
        if (n == null || !n.isArray()) {
            throw new FormatException(file, field, "must be an array of numbers, was " + (n == null ? "missing" : kind(n)));
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = n.get(i);
            if (!v.isNumber()) {
                throw new FormatException(file, field, "holds " + (v.isNull() ? "null (NaN or Inf)" : abbreviate(v))
                        + " at index " + i + " where a finite number must be");
            }
            out[i] = v.doubleValue();
            if (!Double.isFinite(out[i])) {
                throw new FormatException(file, field, "holds a non-finite number at index " + i);
            }
        }
        return out;
    }

    /** "an array", "a string", ... for messages. */
    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case OBJECT -> "an object";
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    String text(JsonNode root, String path, String name) throws FormatException {
        JsonNode n = require(root, path, name);
        if (!n.isTextual()) {
            throw new FormatException(file, join(path, name), "must be a string, was " + abbreviate(n));
        }
        return n.textValue();
    }

    double number(JsonNode parent, String path, String name) throws FormatException {
        JsonNode n = require(parent, path, name);
        return toDouble(n, join(path, name), new int[0], 0);
    }

    private double toDouble(JsonNode n, String field, int[] index, int depth) throws FormatException {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            switch (n.textValue()) {
                case "NaN", "nan": return Double.NaN;
                case "Infinity", "inf": return Double.POSITIVE_INFINITY;
                case "-Infinity", "-inf": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new FormatException(file, field, "must be a number" + at(index, depth) + ", was " + abbreviate(n));
    }

    /** Reads a tensor of the given shape (e.g. {T, B, H}) into a flat array. */
    double[] tensor(JsonNode parent, String path, String name, int... shape) throws FormatException {
        JsonNode n = require(parent, path, name);
        String field = join(path, name);
        int[] index = new int[shape.length];
        checkShape(n, field, shape, 0, index);
        int total = 1;
        for (int s : shape) {
            total *= s; // cannot overflow: the JSON holds this many numbers
        }
        double[] out = new double[total];
        fill(n, field, shape, 0, index, out, new int[] {0});
        return out;
    }

    private void checkShape(JsonNode n, String field, int[] shape, int depth, int[] index) throws FormatException {
        if (depth == shape.length) {
            return;
        }
        if (!n.isArray()) {
            throw new FormatException(file, field, "expected an array of " + shape[depth] + at(index, depth)
                    + " (shape " + shapeText(shape) + "), found " + abbreviate(n));
        }
        if (n.size() != shape[depth]) {
            throw new FormatException(file, field, "expected length " + shape[depth] + at(index, depth)
                    + " (shape " + shapeText(shape) + "), found " + n.size());
        }
        for (int i = 0; i < n.size(); i++) {
            index[depth] = i;
            checkShape(n.get(i), field, shape, depth + 1, index);
        }
    }

    private void fill(JsonNode n, String field, int[] shape, int depth, int[] index, double[] out, int[] pos)
            throws FormatException {
        if (depth == shape.length) {
            out[pos[0]++] = toDouble(n, field, index, depth);
            return;
        }
        for (int i = 0; i < n.size(); i++) {
            index[depth] = i;
            fill(n.get(i), field, shape, depth + 1, index, out, pos);
        }
    }

    /** " at [2][0]" for the element reached so far, or "" at the top. */
    private static String at(int[] index, int depth) {
        if (depth == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" at ");
        for (int i = 0; i < depth; i++) {
            sb.append('[').append(index[i]).append(']');
        }
        return sb.toString();
    }

    static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "][").append(shape[i]);
        }
        return sb.append(']').toString();
    }

    static String abbreviate(JsonNode n) {
        if (n.isContainerNode()) {
            return kind(n) + " of " + n.size();
        }
        return abbreviate(n.toString());
    }

    static String abbreviate(String s) {
        return Messages.clean(s, 40);
    }
}

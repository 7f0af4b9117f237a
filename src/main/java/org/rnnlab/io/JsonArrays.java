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
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new FormatException(file, name, "must be an integer, was " + abbreviate(n));
        }
        int v = n.intValue();
        if (v <= 0) {
            throw new FormatException(file, name, "must be at least 1, was " + v);
        }
        return v;
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
        return abbreviate(n.toString());
    }

    static String abbreviate(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() > 40 ? one.substring(0, 37) + "..." : one;
    }
}

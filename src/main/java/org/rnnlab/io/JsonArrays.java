package org.rnnlab.io;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads nested JSON number arrays of a required shape into flat row-major {@code double[]},
 * reporting the field path on any mismatch.
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

    static String join(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    int positiveInt(JsonNode root, String name) throws FormatException {
        JsonNode n = require(root, "", name);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new FormatException(file, name, "must be an integer, was " + n);
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
            throw new FormatException(file, join(path, name), "must be a string, was " + n);
        }
        return n.textValue();
    }

    double number(JsonNode parent, String path, String name) throws FormatException {
        JsonNode n = require(parent, path, name);
        return toDouble(n, join(path, name));
    }

    private double toDouble(JsonNode n, String field) throws FormatException {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            switch (n.textValue()) {
                case "NaN": return Double.NaN;
                case "Infinity": case "inf": return Double.POSITIVE_INFINITY;
                case "-Infinity": case "-inf": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new FormatException(file, field, "must be a number, was " + abbreviate(n));
    }

    /** Reads a tensor of the given shape (e.g. {T, B, H}) into a flat array. */
    double[] tensor(JsonNode parent, String path, String name, int... shape) throws FormatException {
        JsonNode n = require(parent, path, name);
        int total = 1;
        for (int s : shape) {
            total *= s;
        }
        double[] out = new double[total];
        fill(n, join(path, name), shape, 0, out, new int[] {0});
        return out;
    }

    private void fill(JsonNode n, String field, int[] shape, int depth, double[] out, int[] pos) throws FormatException {
        if (depth == shape.length) {
            out[pos[0]++] = toDouble(n, field);
            return;
        }
        if (!n.isArray()) {
            throw new FormatException(file, field, "expected an array of " + shape[depth]
                    + " at depth " + (depth + 1) + " (shape " + shapeText(shape) + "), found " + abbreviate(n));
        }
        if (n.size() != shape[depth]) {
            throw new FormatException(file, field, "expected length " + shape[depth] + " at depth " + (depth + 1)
                    + " (shape " + shapeText(shape) + "), found " + n.size());
        }
        for (int i = 0; i < n.size(); i++) {
            fill(n.get(i), field, shape, depth + 1, out, pos);
        }
    }

    static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "][").append(shape[i]);
        }
        return sb.append(']').toString();
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}

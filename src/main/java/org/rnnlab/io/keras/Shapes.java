package org.rnnlab.io.keras;

import com.fasterxml.jackson.databind.JsonNode;
import org.rnnlab.io.FormatException;

/** Tensor shapes read from files: at most 4 dimensions of 0..2³¹ − 1 each, at most 2²⁸ values. */
final class Shapes {
    /** The most values one tensor may hold (2 GiB of doubles). */
    static final long MAX_VALUES = 1L << 28;

    private Shapes() {}

    static int[] of(String file, String at, JsonNode n) throws FormatException {
        if (n.size() > 4) {
            throw new FormatException(file, at, "has " + n.size() + " dimensions; at most 4 are read");
        }
        int[] s = new int[n.size()];
        for (int i = 0; i < s.length; i++) {
            JsonNode d = n.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.asInt() < 0) {
                throw new FormatException(file, at, "must list non-negative integer sizes");
            }
            s[i] = d.asInt();
        }
        check(file, at, s);
        return s;
    }

    static void check(String file, String at, int[] s) throws FormatException {
        long n = 1;
        for (int d : s) {
            n *= d;
            if (n > MAX_VALUES) {
                throw new FormatException(file, at, "holds more than " + MAX_VALUES + " values");
            }
        }
    }

    static long count(int[] s) {
        long n = 1;
        for (int d : s) {
            n *= d;
        }
        return n;
    }
}

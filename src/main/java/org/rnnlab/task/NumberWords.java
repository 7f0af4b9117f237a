package org.rnnlab.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * English number words for 0..999 in the American style without "and": 312 is "three hundred
 * twelve", 40 "forty", 105 "one hundred five", 0 "zero".
 */
public final class NumberWords {
    public static final int MAX = 999;
    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};

    private NumberWords() {}

    /** Every word the numbers use, in a fixed order: zero..nineteen, twenty..ninety, hundred. */
    public static List<String> words() {
        List<String> w = new ArrayList<>(Arrays.asList(ONES));
        w.addAll(Arrays.asList(TENS).subList(2, TENS.length));
        w.add("hundred");
        return List.copyOf(w);
    }

    /** The words for n, 0 ≤ n ≤ 999. */
    public static String toWords(int n) {
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("number must be in 0.." + MAX + ", was " + n);
        }
        if (n == 0) {
            return "zero";
        }
        List<String> out = new ArrayList<>();
        if (n >= 100) {
            out.add(ONES[n / 100]);
            out.add("hundred");
        }
        int r = n % 100;
        if (r > 0 && r < 20) {
            out.add(ONES[r]);
        } else if (r >= 20) {
            out.add(TENS[r / 10]);
            if (r % 10 > 0) {
                out.add(ONES[r % 10]);
            }
        }
        return String.join(" ", out);
    }

    /** The number the words name (the inverse of {@link #toWords}); anything else is refused. */
    public static int parse(String words) {
        String norm = String.join(" ", words.trim().toLowerCase(Locale.ROOT).split("[\\s-]+"));
        for (int n = 0; n <= MAX; n++) {
            if (toWords(n).equals(norm)) {
                return n;
            }
        }
        throw new IllegalArgumentException("'" + words + "' is not a number from zero to nine hundred ninety nine");
    }
}

package org.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simplest useful word tokenizer: lowercase, then every run of letters and digits, with
 * apostrophes inside a word kept ("don't", "it's"); punctuation and other symbols are dropped.
 */
public final class WordTokenizer {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}\\p{N}]+)*");

    private WordTokenizer() {}

    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}

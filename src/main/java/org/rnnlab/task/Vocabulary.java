package org.rnnlab.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word ids for a learned embedding: 0 is padding, 1 the unknown word, then every word seen at
 * least {@code minCount} times in the training sentences, most frequent first (ties
 * alphabetical), so the same sentences always give the same ids.
 */
public final class Vocabulary {
    public static final int PAD = 0;
    public static final int UNKNOWN = 1;
    public static final String PAD_WORD = "<pad>";
    public static final String UNKNOWN_WORD = "<unk>";

    private final List<String> words;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> words) {
        this.words = List.copyOf(words);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            m.put(words.get(i), i);
        }
        this.ids = Collections.unmodifiableMap(m);
    }

    /** Builds the vocabulary of {@code sentences} (already tokenized). */
    public static Vocabulary build(List<List<String>> sentences, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minimum word count must be at least 1, was " + minCount);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> s : sentences) {
            for (String w : s) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount && !e.getKey().equals(PAD_WORD) && !e.getKey().equals(UNKNOWN_WORD)) {
                kept.add(e.getKey());
            }
        }
        kept.sort((a, b) -> {
            int c = Integer.compare(counts.get(b), counts.get(a));
            return c != 0 ? c : a.compareTo(b);
        });
        List<String> all = new ArrayList<>();
        all.add(PAD_WORD);
        all.add(UNKNOWN_WORD);
        all.addAll(kept);
        return new Vocabulary(all);
    }

    public int size() {
        return words.size();
    }

    /** The id of {@code word}, or {@link #UNKNOWN}. */
    public int id(String word) {
        Integer i = ids.get(word);
        return i == null ? UNKNOWN : i;
    }

    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    public String word(int id) {
        if (id < 0 || id >= words.size()) {
            throw new IllegalArgumentException("word id " + id + " is outside 0.." + (words.size() - 1));
        }
        return words.get(id);
    }
}

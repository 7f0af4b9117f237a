package org.rnnlab.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Review-like sentences from a small grammar in which the label depends on word order, so that a
 * bag of words cannot get them right and a recurrent network can.
 *
 * <p>A clause is "subject verb [negation] [intensifier] adjective [at all]" ("the food was not
 * very good at all") or "i [did not] [really] like it" with a liking or disliking verb. Its
 * polarity is the adjective's or verb's, flipped by a negation ("not", "never", "did not");
 * intensifiers ("very", "really", ...) never flip it, and "at all" only follows a negation. A
 * sentence is one clause (50 %); two clauses of the same polarity joined by "and" (20 %); or two
 * of opposite polarity joined by "but" (30 %), where the second decides, as contrast does in
 * English ("the food was good but the service was terrible" is negative).
 *
 * <p>Two-clause sentences come with their twin, the same words in another order with the
 * opposite label: "X but Y" with "Y but X"; and "a was not good and b was bad" with "a was good
 * and b was not bad" (the negation moved to the other clause), when exactly one clause of an
 * "and" sentence is a negated adjective clause. A model that ignores order must get at least one
 * of every twin pair wrong.
 */
public final class SentimentGrammar {
    private static final String[] SUBJECTS = {"the food", "the service", "the movie", "the acting", "the plot",
        "the phone", "the battery", "the staff", "this place", "the screen", "it"};
    private static final String[] VERBS = {"is", "was"};
    private static final String[] NEGATIONS = {"not", "never"};
    private static final String[] INTENSIFIERS = {"very", "really", "so", "extremely", "truly"};
    private static final String[] POSITIVE = {"good", "great", "excellent", "nice", "wonderful", "amazing", "fine",
        "enjoyable"};
    private static final String[] NEGATIVE = {"bad", "terrible", "awful", "poor", "boring", "horrible",
        "disappointing", "dull"};
    private static final String[][] LIKING = {{"liked", "like"}, {"loved", "love"}, {"enjoyed", "enjoy"}};
    private static final String[][] DISLIKING = {{"hated", "hate"}, {"disliked", "dislike"}};

    private SentimentGrammar() {}

    /** A generated sentence and its label (1 positive, 0 negative). */
    public record Example(String text, int label) {}

    /** A clause and its polarity. */
    private interface Clause {
        String text();

        boolean positive();
    }

    /** "subject verb [negation] [intensifier] adjective [at all]". */
    private record AdjectiveClause(String subject, String verb, String negation, String intensifier,
                                   String adjective, boolean adjectivePositive, boolean atAll) implements Clause {
        public String text() {
            StringBuilder s = new StringBuilder(subject).append(' ').append(verb);
            if (negation != null) {
                s.append(' ').append(negation);
            }
            if (intensifier != null) {
                s.append(' ').append(intensifier);
            }
            s.append(' ').append(adjective);
            if (negation != null && atAll) {
                s.append(" at all");
            }
            return s.toString();
        }

        public boolean positive() {
            return adjectivePositive != (negation != null);
        }

        AdjectiveClause withNegation(String n, boolean all) {
            return new AdjectiveClause(subject, verb, n, intensifier, adjective, adjectivePositive, all);
        }
    }

    /** "i [did not] [really] like it [at all]". */
    private record VerbClause(String[] forms, boolean verbPositive, boolean negated, boolean intense, boolean atAll)
            implements Clause {
        public String text() {
            String really = intense ? "really " : "";
            return negated ? "i did not " + really + forms[1] + " it" + (atAll ? " at all" : "")
                    : "i " + really + forms[0] + " it";
        }

        public boolean positive() {
            return verbPositive != negated;
        }
    }

    /**
     * Up to {@code count} distinct sentences drawn with {@code rng} (fewer only if many draws in
     * a row repeat), in the order first drawn, twins next to each other.
     */
    public static List<Example> generate(int count, SplittableRandom rng) {
        Map<String, Integer> out = new LinkedHashMap<>();
        int misses = 0;
        while (out.size() < count && misses < 10 * count) {
            for (Example e : sentence(rng)) {
                if (out.size() < count && out.putIfAbsent(e.text(), e.label()) != null) {
                    misses++;
                }
            }
        }
        return out.entrySet().stream().map(e -> new Example(e.getKey(), e.getValue())).toList();
    }

    /** One sentence, followed by its twin when it has one. */
    public static List<Example> sentence(SplittableRandom rng) {
        double form = rng.nextDouble();
        boolean positive = rng.nextBoolean();
        List<Example> out = new ArrayList<>(2);
        if (form < 0.5) {
            Clause c = clause(rng, positive);
            out.add(example(c.text(), c.positive()));
        } else if (form < 0.7) {
            Clause a = clause(rng, positive);
            Clause b = clause(rng, positive);
            out.add(example(a.text() + " and " + b.text(), positive));
            if (a instanceof AdjectiveClause x && b instanceof AdjectiveClause y
                    && (x.negation() == null) != (y.negation() == null)) {
                AdjectiveClause neg = x.negation() != null ? x : y;
                AdjectiveClause x2 = x.negation() != null ? x.withNegation(null, false)
                        : x.withNegation(neg.negation(), neg.atAll());
                AdjectiveClause y2 = y.negation() != null ? y.withNegation(null, false)
                        : y.withNegation(neg.negation(), neg.atAll());
                out.add(example(x2.text() + " and " + y2.text(), x2.positive()));
            }
        } else {
            Clause a = clause(rng, !positive);
            Clause b = clause(rng, positive);
            out.add(example(a.text() + " but " + b.text(), b.positive()));
            out.add(example(b.text() + " but " + a.text(), a.positive()));
        }
        return out;
    }

    private static Example example(String text, boolean positive) {
        return new Example(text, positive ? 1 : 0);
    }

    /** A clause of the given polarity, with or without a negation. */
    private static Clause clause(SplittableRandom rng, boolean positive) {
        boolean negated = rng.nextBoolean();
        boolean wordPositive = positive != negated;
        if (rng.nextDouble() < 0.3) {
            String[][] verbs = wordPositive ? LIKING : DISLIKING;
            String[] verb = verbs[rng.nextInt(verbs.length)];
            boolean intense = rng.nextBoolean();
            boolean atAll = negated && rng.nextDouble() < 0.3;
            return new VerbClause(verb, wordPositive, negated, intense, atAll);
        }
        String subject = SUBJECTS[rng.nextInt(SUBJECTS.length)];
        String verb = VERBS[rng.nextInt(VERBS.length)];
        String negation = negated ? NEGATIONS[rng.nextInt(NEGATIONS.length)] : null;
        String intensifier = rng.nextBoolean() ? INTENSIFIERS[rng.nextInt(INTENSIFIERS.length)] : null;
        String[] adjectives = wordPositive ? POSITIVE : NEGATIVE;
        String adjective = adjectives[rng.nextInt(adjectives.length)];
        boolean atAll = negated && rng.nextDouble() < 0.3;
        return new AdjectiveClause(subject, verb, negation, intensifier, adjective, wordPositive, atAll);
    }
}

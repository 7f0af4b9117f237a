package org.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.task.SentimentTask.Sentence;

/**
 * The sentiment task's data: the bundled real sentences, the fixed three-way split and the two
 * bag-of-words baselines' scoring.
 *
 * <p>Split: sentence i (0-based) of a source is a test sentence when i mod 5 = 4. Of the others,
 * {@link #VALIDATION_SHARE} of each source and label (rounded down) is the validation set, chosen
 * by a shuffle with the fixed seed {@link #VALIDATION_SEED} (the same for every run, like the test
 * split): the trainer's early stop and its choice of the best weights look at it, never at the
 * test sentences. The rest are the training sentences, the only ones the vocabulary, the
 * baselines and the network learn from.
 */
final class SentimentData {
    /** The share of each source's non-test sentences (per label) held out for validation. */
    static final double VALIDATION_SHARE = 0.125;
    /** The fixed seed of the validation choice. */
    static final long VALIDATION_SEED = 0x5E47_1A1DL;

    private SentimentData() {}

    /** Splits one source's sentences (in file order) into training, validation and test. */
    static void split(List<Sentence> all, List<Sentence> train, List<Sentence> validation, List<Sentence> test) {
        List<List<Integer>> byLabel = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < all.size(); i++) {
            if (i % 5 == 4) {
                test.add(all.get(i));
            } else {
                byLabel.get(all.get(i).label()).add(i);
            }
        }
        boolean[] held = new boolean[all.size()];
        SplittableRandom rng = new SplittableRandom(VALIDATION_SEED);
        for (List<Integer> idx : byLabel) {
            for (int k = idx.size() - 1; k > 0; k--) {
                int j = rng.nextInt(k + 1);
                Integer x = idx.get(k);
                idx.set(k, idx.get(j));
                idx.set(j, x);
            }
            int n = (int) (idx.size() * VALIDATION_SHARE);
            for (int k = 0; k < n; k++) {
                held[idx.get(k)] = true;
            }
        }
        for (int i = 0; i < all.size(); i++) {
            if (i % 5 != 4) {
                (held[i] ? validation : train).add(all.get(i));
            }
        }
    }

    /** The real sentences, parsed once per JVM: sentence TAB label per line, split on the last tab. */
    static final class RealSentences {
        static final List<List<Sentence>> BY_SOURCE = load();

        private static List<List<Sentence>> load() {
            List<List<Sentence>> all = new ArrayList<>();
            for (int s = 0; s < SentimentTask.SOURCES.length; s++) {
                String text = TaskSupport.resource("sentiment/" + SentimentTask.SOURCES[s]);
                List<Sentence> list = new ArrayList<>();
                int lineNo = 0;
                for (String line : text.split("\n")) {
                    lineNo++;
                    if (line.isEmpty()) {
                        continue;
                    }
                    int tab = line.lastIndexOf('\t');
                    String label = tab < 0 ? "" : line.substring(tab + 1).trim();
                    if (!label.equals("0") && !label.equals("1")) {
                        throw new IllegalStateException(SentimentTask.SOURCES[s] + " line " + lineNo + ": label '" + label
                                + "' is not 0 or 1");
                    }
                    list.add(new Sentence(line.substring(0, tab).trim(), label.charAt(0) - '0', SentimentTask.SOURCE_NAMES[s]));
                }
                all.add(List.copyOf(list));
            }
            return List.copyOf(all);
        }
    }

    /** Multinomial naive Bayes with add-one smoothing over word ids (padding excluded). */
    static final class NaiveBayes {
        private NaiveBayes() {}

        static double accuracy(int[][] trainIds, List<Sentence> train, int[][] testIds, List<Sentence> test, int v) {
            return accuracy(trainIds, train, testIds, test, v, null, true);
        }

        /**
         * Trained on the whole training split; scored on the test sentences whose source is
         * (keep = true) or is not (keep = false) {@code source}, or on all when source is null.
         */
        static double accuracy(int[][] trainIds, List<Sentence> train, int[][] testIds, List<Sentence> test, int v,
                               String source, boolean keep) {
            double[][] counts = new double[2][v];
            double[] totals = new double[2];
            double[] docs = new double[2];
            for (int i = 0; i < trainIds.length; i++) {
                int y = train.get(i).label();
                docs[y]++;
                for (int id : trainIds[i]) {
                    counts[y][id]++;
                    totals[y]++;
                }
            }
            return accuracyOn(ids -> {
                double[] score = new double[2];
                for (int y = 0; y < 2; y++) {
                    score[y] = Math.log(docs[y] / (docs[0] + docs[1]));
                    for (int id : ids) {
                        score[y] += Math.log((counts[y][id] + 1) / (totals[y] + v));
                    }
                }
                return score[1] > score[0] ? 1 : 0;
            }, testIds, test, source, keep);
        }
    }

    /**
     * The share of test sentences {@code guess} labels right, over those whose source is
     * (keep = true) or is not (keep = false) {@code source}, or over all when source is null.
     */
    static double accuracyOn(java.util.function.ToIntFunction<int[]> guess, int[][] testIds, List<Sentence> test,
                             String source, boolean keep) {
        int right = 0;
        int n = 0;
        for (int i = 0; i < testIds.length; i++) {
            if (source != null && test.get(i).source().equals(source) != keep) {
                continue;
            }
            n++;
            right += guess.applyAsInt(testIds[i]) == test.get(i).label() ? 1 : 0;
        }
        return (double) right / n;
    }
}

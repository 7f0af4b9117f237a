package org.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.InputDropout;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/**
 * Sentence sentiment, positive or negative, read word by word (many-to-one).
 *
 * <p>Real sentences: Sentiment Labelled Sentences (Kotzias, Denil, de Freitas &amp; Smyth, "From
 * Group to Individual Labels using Deep Features", KDD 2015; UCI dataset 331, CC BY 4.0), 1,000
 * each from Amazon, IMDb and Yelp reviews, half positive; bundled unchanged under
 * {@code org/rnnlab/task/sentiment/} with their credit. Generated sentences:
 * {@link SentimentGrammar}, where negation, intensifiers and "but" make word order decide.
 * Variants: {@code real}, {@code grammar}, {@code both} (the default).
 *
 * <p>Split (fixed, independent of the seed for the real sentences): in every source, sentence i
 * (0-based) is a test sentence when i mod 5 = 4, so 20 % of each source and of each label
 * (roughly); of the rest, a fixed seeded eighth of each source and label is the validation set
 * the trainer chooses on ({@link SentimentData}). The grammar set is 2,000 distinct sentences
 * drawn from the seed and split the same way. Words: lowercase, letters and digits ({@link WordTokenizer}); the vocabulary is built
 * from the training sentences only, words seen fewer than twice become {@code <unk>}. Inputs are
 * word ids for a learned embedding, right-padded to T (longer sentences keep their first T
 * words), the padding masked (the state is carried over it, so a reverse direction starts at the
 * last real word); the loss and the metric look at each sentence's last real word only. Training batches
 * read 45 % of the real sentences' words as {@code <unk>} ({@link #WORD_DROPOUT}).
 *
 * <p>Metric: test accuracy. Baselines: the majority class of the training split and a
 * bag-of-words multinomial naive Bayes (add-one smoothing) trained on the same split and the
 * same words, which sees every word but not their order. Solved: on the real sentences, at
 * least the naive Bayes accuracy on them (a network that reads in order should not lose to one
 * that ignores order; with 2,400 training sentences and an embedding learned from scratch this
 * is a hard bar); on the generated sentences, 95 % (naive Bayes gets about half: the grammar is
 * built so that it cannot); for {@code both}, the two bars weighted by their test sizes.
 */
public final class SentimentTask implements Task {
    public static final String ID = "sentiment";
    public static final String BOTH = "both";
    public static final String REAL = "real";
    public static final String GRAMMAR = "grammar";
    public static final List<String> VARIANTS = List.of(BOTH, REAL, GRAMMAR);
    public static final int DEFAULT_LENGTH = 32;
    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 100;
    public static final int GRAMMAR_SIZE = 2000;
    public static final int MIN_WORD_COUNT = 2;
    /**
     * {@link WordDropout} of the real training sentences: without it the LSTM learns the 2,400 by
     * heart (training loss 0.000) and ends at 76–77 % on the real test sentences. 0.45 was chosen
     * on seeds 1–5 with the trainer keeping the best validation weights (0.3: 78.3–81.3 %; 0.45:
     * 78.5–80.5 %; 0.55: 77.5–79.3 %; docs/EXPERIMENTS.md). The generated sentences keep every word: dropping a "not"
     * would contradict their label, and their small vocabulary is not what overfits.
     */
    public static final double WORD_DROPOUT = 0.45;
    /**
     * {@link InputDropout} on the embedded words of every training batch with real sentences, on
     * top of the word dropout: on seeds 1–5 it lifted the real test accuracy of the chosen weights
     * from 80.9 to 81.8 % on average; on the fresh seeds 900–909 it gives 78.7–82.7 %
     * (docs/EXPERIMENTS.md). The generated sentences alone do not overfit and train without it.
     */
    public static final double EMBEDDING_DROPOUT = 0.3;
    /** The bar for the generated sentences: 95 % right, where a bag of words gets about half. */
    public static final double GRAMMAR_SOLVED = 0.95;
    static final String[] SOURCES = {"amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt"};
    static final String[] SOURCE_NAMES = {"amazon", "imdb", "yelp"};

    /** A labelled sentence: its text, label (1 positive, 0 negative) and where it comes from. */
    public record Sentence(String text, int label, String source) {}

    private final String variant;
    private final int steps;
    private final List<Sentence> train;
    private final List<Sentence> validation;
    private final List<Sentence> test;
    private final Vocabulary vocabulary;
    private final int[][] trainIds;
    private final int[][] validationIds;
    private final int[][] testIds;
    private final double majorityAccuracy;
    private final double bagOfWordsAccuracy;
    private final double realBagOfWordsAccuracy;
    private final double grammarBagOfWordsAccuracy;
    private final double logisticAccuracy;
    private final double realLogisticAccuracy;
    private final double solvedAt;
    /**
     * The tokens as written of each live training batch that word dropout changed, by batch
     * identity (a record of arrays compares them by reference), so the window can show the
     * sentence a person can read; weak keys, so a batch no longer used is forgotten.
     */
    private final java.util.Map<TaskBatch, int[]> written =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    public SentimentTask(TaskOptions options) {
        String v = options.variant() == null ? BOTH : options.variant().toLowerCase(Locale.ROOT);
        if (!VARIANTS.contains(v)) {
            throw new IllegalArgumentException("variant '" + options.variant() + "' for sentiment is not one of "
                    + String.join(", ", VARIANTS));
        }
        this.variant = v;
        this.steps = TaskSupport.checkRange("longest sentence T for sentiment", options.lengthOr(DEFAULT_LENGTH),
                MIN_LENGTH, MAX_LENGTH);
        List<Sentence> tr = new ArrayList<>();
        List<Sentence> va = new ArrayList<>();
        List<Sentence> te = new ArrayList<>();
        if (!v.equals(GRAMMAR)) {
            for (int s = 0; s < SOURCES.length; s++) {
                SentimentData.split(SentimentData.RealSentences.BY_SOURCE.get(s), tr, va, te);
            }
        }
        if (!v.equals(REAL)) {
            List<Sentence> g = new ArrayList<>();
            for (SentimentGrammar.Example e : SentimentGrammar.generate(GRAMMAR_SIZE,
                    TaskSupport.testRandom(options.seed(), ID))) {
                g.add(new Sentence(e.text(), e.label(), "grammar"));
            }
            SentimentData.split(g, tr, va, te);
        }
        this.train = List.copyOf(tr);
        this.validation = List.copyOf(va);
        this.test = List.copyOf(te);
        List<List<String>> tokens = new ArrayList<>();
        for (Sentence s : train) {
            tokens.add(WordTokenizer.tokenize(s.text()));
        }
        this.vocabulary = Vocabulary.build(tokens, MIN_WORD_COUNT);
        this.trainIds = encodeAll(train);
        this.validationIds = encodeAll(validation);
        this.testIds = encodeAll(test);
        int positives = 0;
        for (Sentence s : train) {
            positives += s.label();
        }
        int majority = 2 * positives >= train.size() ? 1 : 0;
        int right = 0;
        for (Sentence s : test) {
            right += s.label() == majority ? 1 : 0;
        }
        this.majorityAccuracy = (double) right / test.size();
        this.bagOfWordsAccuracy = SentimentData.NaiveBayes.accuracy(trainIds, train, testIds, test, vocabulary.size());
        this.realBagOfWordsAccuracy = v.equals(GRAMMAR) ? Double.NaN : SentimentData.NaiveBayes.accuracy(trainIds, train, testIds,
                test, vocabulary.size(), "grammar", false);
        this.grammarBagOfWordsAccuracy = v.equals(REAL) ? Double.NaN : SentimentData.NaiveBayes.accuracy(trainIds, train, testIds,
                test, vocabulary.size(), "grammar", true);
        int[] labels = new int[train.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.get(i).label();
        }
        BagOfWordsLogistic logistic = BagOfWordsLogistic.fit(trainIds, labels, vocabulary.size());
        java.util.function.ToIntFunction<int[]> lr = ids -> logistic.probabilityPositive(ids) > 0.5 ? 1 : 0;
        this.logisticAccuracy = SentimentData.accuracyOn(lr, testIds, test, null, true);
        this.realLogisticAccuracy = v.equals(GRAMMAR) ? Double.NaN : SentimentData.accuracyOn(lr, testIds, test, "grammar", false);
        int realTests = 0;
        for (Sentence s : test) {
            realTests += s.source().equals("grammar") ? 0 : 1;
        }
        double realBar = realTests == 0 ? 0 : realBagOfWordsAccuracy;
        this.solvedAt = (realTests * realBar + (test.size() - realTests) * GRAMMAR_SOLVED) / test.size();
    }

    private int[][] encodeAll(List<Sentence> sentences) {
        int[][] out = new int[sentences.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = encode(sentences.get(i).text());
        }
        return out;
    }

    /**
     * The word ids the network reads for {@code text}: tokenized, unknown words as
     * {@code <unk>}, at most T words, at least one (an empty sentence reads as {@code <unk>}).
     */
    public int[] encode(String text) {
        List<String> words = WordTokenizer.tokenize(text);
        int n = Math.max(1, Math.min(steps, words.size()));
        int[] ids = new int[n];
        if (words.isEmpty()) {
            ids[0] = Vocabulary.UNKNOWN;
        }
        for (int i = 0; i < Math.min(n, words.size()); i++) {
            ids[i] = vocabulary.id(words.get(i));
        }
        return ids;
    }

    public String variant() {
        return variant;
    }

    public Vocabulary words() {
        return vocabulary;
    }

    public List<Sentence> trainSentences() {
        return train;
    }

    /** The sentences held out of training for the trainer's choice ({@link SentimentData}). */
    public List<Sentence> validationSentences() {
        return validation;
    }

    public List<Sentence> testSentences() {
        return test;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Sentiment of review sentences" + switch (variant) {
            case REAL -> " (Amazon, IMDb, Yelp)";
            case GRAMMAR -> " (generated, word order matters)";
            default -> "";
        };
    }

    @Override
    public String description() {
        return "The network reads a sentence word by word and, at its last word, says whether it is positive or "
                + "negative. " + (variant.equals(REAL) ? "Real review sentences."
                : "Generated sentences such as \"the food was not bad at all\" or \"the plot was good but the acting "
                        + "was terrible\" make the order of the words matter.");
    }

    @Override
    public IoPattern pattern() {
        return IoPattern.MANY_TO_ONE;
    }

    @Override
    public LossPlacement lossPlacement() {
        return LossPlacement.MASK;
    }

    @Override
    public int inputSize() {
        return vocabulary.size();
    }

    @Override
    public int vocabulary() {
        return vocabulary.size();
    }

    @Override
    public int outputSize() {
        return 2;
    }

    @Override
    public LossKind loss() {
        return LossKind.CROSS_ENTROPY;
    }

    @Override
    public int sequenceLength() {
        return steps;
    }

    @Override
    public TaskBatch trainBatch(int batchSize, SplittableRandom rng) {
        TaskSupport.checkBatchSize(batchSize);
        int[] pick = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            pick[b] = rng.nextInt(train.size());
        }
        SequenceBatch out = batch(trainIds, train, pick);
        int[] asWritten = out.tokens().clone();
        for (int b = 0; b < batchSize; b++) {
            if (!train.get(pick[b]).source().equals("grammar")) {
                WordDropout.apply(out.tokens(), batchSize, b, trainIds[pick[b]].length, WORD_DROPOUT, rng);
            }
        }
        if (!variant.equals(GRAMMAR)) {
            out = out.withInputDropout(new InputDropout(EMBEDDING_DROPOUT, rng.nextLong()));
        }
        if (!java.util.Arrays.equals(asWritten, out.tokens())) {
            written.put(out, asWritten);
        }
        return out;
    }

    /**
     * As {@link Views#standard}, but a training sentence shows its words as written: a word the
     * batch reads as {@code <unk>} (word dropout) shows the word, with {@link TickView#readAs()}
     * "&lt;unk&gt;", so that a person reads the sentence and sees which words the network did not.
     */
    @Override
    public SequenceView view(TaskBatch batch, int b, Predictions predictions) {
        SequenceView v = Views.standard(this, batch, b, predictions);
        int[] asWritten = written.get(batch);
        if (asWritten == null) {
            return v;
        }
        SequenceBatch sb = (SequenceBatch) batch;
        List<TickView> ticks = new ArrayList<>(v.ticks());
        for (int t = 0; t < ticks.size(); t++) {
            int i = sb.index(t, b);
            if (asWritten[i] != sb.tokens()[i]) {
                ticks.set(t, ticks.get(t).writtenAs(inputLabel(asWritten[i])));
            }
        }
        return new SequenceView(ticks, v.encoderTicks(), v.numeric());
    }

    @Override
    public List<TaskBatch> testBatches(int batchSize) {
        return inOrder(testIds, test, batchSize);
    }

    /** With both sources: the real review sentences and the generated ones of the test set, apart. */
    @Override
    public List<TestPart> testParts(int batchSize) {
        if (!variant.equals(BOTH)) {
            return List.of();
        }
        return List.of(part("the real sentences", true, batchSize), part("the generated sentences", false, batchSize));
    }

    private TestPart part(String name, boolean real, int batchSize) {
        List<Sentence> sentences = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (test.get(i).source().equals(GRAMMAR) != real) {
                sentences.add(test.get(i));
                ids.add(testIds[i]);
            }
        }
        return new TestPart(name, inOrder(ids.toArray(int[][]::new), sentences, batchSize));
    }

    /**
     * {@value Task#WHOLE_BUDGET_AVERAGE}: the trainer scores and chooses among the moving average
     * of the weights over about the last 200 updates, not the raw weights, whose test accuracy
     * moves by ±1.5 points from one evaluation to the next (docs/EXPERIMENTS.md).
     */
    @Override
    public double weightAverage() {
        return WHOLE_BUDGET_AVERAGE;
    }

    /**
     * False: the 297 validation sentences measure an accuracy to about ±2.3 points (one standard
     * error), so the first evaluation past the bar is mostly a lucky one (measured: seed 3
     * stopped at iteration 900 with validation 80.8 % and test 77.2 %). The trainer keeps the
     * best validation weights of the whole budget instead (docs/EXPERIMENTS.md).
     */
    @Override
    public boolean stopsWhenSolved() {
        return false;
    }

    @Override
    public int testSize() {
        return test.size();
    }

    /** The validation sentences (every word read, as the test sentences are). */
    @Override
    public List<TaskBatch> validationBatches(int batchSize) {
        return inOrder(validationIds, validation, batchSize);
    }

    private List<TaskBatch> inOrder(int[][] ids, List<Sentence> sentences, int batchSize) {
        List<TaskBatch> out = new ArrayList<>();
        for (int[] r : TaskSupport.ranges(sentences.size(), batchSize)) {
            int[] pick = new int[r[1] - r[0]];
            for (int b = 0; b < pick.length; b++) {
                pick[b] = r[0] + b;
            }
            out.add(batch(ids, sentences, pick));
        }
        return out;
    }

    private SequenceBatch batch(int[][] ids, List<Sentence> sentences, int[] pick) {
        int batch = pick.length;
        int[] tokens = new int[steps * batch];
        int[] classes = new int[steps * batch];
        double[] mask = new double[steps * batch];
        boolean[] real = new boolean[steps * batch];
        for (int b = 0; b < batch; b++) {
            int[] s = ids[pick[b]];
            int label = sentences.get(pick[b]).label();
            for (int t = 0; t < steps; t++) {
                tokens[t * batch + b] = t < s.length ? s[t] : Vocabulary.PAD;
                classes[t * batch + b] = label;
            }
            mask[(s.length - 1) * batch + b] = 1.0;
            for (int t = 0; t < s.length; t++) {
                real[t * batch + b] = true;
            }
        }
        // the padding is masked: a bidirectional model's reverse direction starts at the last real word
        return new SequenceBatch(steps, batch, vocabulary.size(), null, tokens, 2, null, classes, mask, real);
    }

    /** H = 16, the headless default: the window's general 8 units fall short on this task. */
    public static final SuggestedDefaults SUGGESTED = new SuggestedDefaults(16, Double.NaN);

    @Override
    public SuggestedDefaults suggested() {
        return SUGGESTED;
    }

    @Override
    public Metric metric() {
        return Metric.accuracy("accuracy", solvedAt, outputSize());
    }

    @Override
    public void score(TaskBatch batch, Predictions predictions, MetricAccumulator acc) {
        TaskSupport.scoreAccuracy(TaskSupport.sequences(batch), predictions, acc);
    }

    public double majorityAccuracy() {
        return majorityAccuracy;
    }

    /** Test accuracy of multinomial naive Bayes on the same words, which ignores their order. */
    public double bagOfWordsAccuracy() {
        return bagOfWordsAccuracy;
    }

    /** Naive Bayes accuracy on the real test sentences only (NaN for the grammar variant). */
    public double realBagOfWordsAccuracy() {
        return realBagOfWordsAccuracy;
    }

    /** Naive Bayes accuracy on the generated test sentences only (NaN for the real variant). */
    public double grammarBagOfWordsAccuracy() {
        return grammarBagOfWordsAccuracy;
    }

    /** Test accuracy of bag-of-words logistic regression ({@link BagOfWordsLogistic}) on the same words. */
    public double logisticAccuracy() {
        return logisticAccuracy;
    }

    /** Logistic-regression accuracy on the real test sentences only (NaN for the grammar variant). */
    public double realLogisticAccuracy() {
        return realLogisticAccuracy;
    }

    @Override
    public double baselineValue() {
        return logisticAccuracy;
    }

    @Override
    public String baseline() {
        String lrParts = variant.equals(BOTH) ? " (real " + TaskSupport.percent(realLogisticAccuracy) + ")" : "";
        String parts = variant.equals(BOTH) ? " (real " + TaskSupport.percent(realBagOfWordsAccuracy) + ", generated "
                + TaskSupport.percent(grammarBagOfWordsAccuracy) + ")" : "";
        return "majority class of the training split: " + TaskSupport.percent(majorityAccuracy) + "; bag of words "
                + "(naive Bayes, blind to word order): " + TaskSupport.percent(bagOfWordsAccuracy) + parts + "; bag of words (logistic regression): "
                + TaskSupport.percent(logisticAccuracy) + lrParts + " on the " + test.size() + " test sentences";
    }

    @Override
    public String solvedReason() {
        String real = "on the real sentences, the bag-of-words naive Bayes (" + TaskSupport.percent(realBagOfWordsAccuracy)
                + "): a network reading in order should not lose to a model that ignores order";
        String grammar = "on the generated sentences, 95 %: word order decides them and a bag of words gets about half";
        return "test accuracy ≥ " + TaskSupport.percent(solvedAt) + ": " + switch (variant) {
            case REAL -> real;
            case GRAMMAR -> grammar;
            default -> real + "; " + grammar + "; the two weighted by their test sizes";
        };
    }

    @Override
    public String inputLabel(int token) {
        return vocabulary.word(token);
    }

    @Override
    public String classLabel(int k) {
        return k == 1 ? "positive" : "negative";
    }
}

package org.rnnlab.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/**
 * Character-level language modelling on Shakespeare (Karpathy 2015, "The Unreasonable
 * Effectiveness of Recurrent Neural Networks", and his char-rnn): the network reads one
 * character per tick and predicts the next one at every tick (many-to-many, cross-entropy).
 * Generation, one-to-many, feeds its own samples back ({@link TextSampler}).
 *
 * <p>Text: the whole tinyshakespeare (1,115,394 characters) as distributed with
 * karpathy/char-rnn (commit 6f9487a6fe5b420b7ca9afb0d7c078e37c1d1b4e); public domain; bundled as
 * {@code org/rnnlab/task/text/tinyshakespeare.txt}. Alphabet: its 65 distinct characters, sorted.
 * Split: the first 90 % (1,003,854 characters) is the training part, the last 10 % the test
 * text; the first {@value #VALIDATION_CHARS} characters of the training part are the validation
 * text, which no training window reads. A training example is a window of T characters at a random offset whose targets
 * (the next characters) stay inside the training part; the test set is the held-out tail cut
 * into consecutive windows of T, each read from a zero state.
 *
 * <p>Metric: bits per character, the mean −log₂ p(next character) over the test ticks (lower
 * is better). Baselines from the training counts, scored on the held-out tail: unigram
 * (add-one), bigram and trigram (each smoothed towards the order below, Dirichlet prior of
 * weight 1). Solved: {@value #SOLVED_BITS} bits per character, half a bit under the trigram
 * model (2.99 here): the level of issue 10, where the network must use much more than the last
 * two characters.
 */
public final class TextTask implements Task {
    public static final String ID = "text";
    public static final int DEFAULT_LENGTH = 64;
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 1000;
    public static final double TRAIN_FRACTION = 0.9;
    /** The solved threshold in bits per character on the held-out text. */
    public static final double SOLVED_BITS = 2.5;
    /**
     * Characters at the start of the training part held out as the validation text (about 3 % of
     * it): training windows never read them. Not its end: the test text continues the play
     * (The Taming of the Shrew) that begins in the last 30,000 training characters, and holding
     * those out left its characters' names unseen (docs/EXPERIMENTS.md). The n-gram baselines
     * still count the whole part.
     */
    public static final int VALIDATION_CHARS = 30_000;

    private final String text;
    private final char[] alphabet;
    private final int[] ids;
    private final int steps;
    private final int trainLength;
    private final double[] ngramBits;

    public TextTask(TaskOptions options) {
        this.steps = TaskSupport.checkRange("sequence length T for text", options.lengthOr(DEFAULT_LENGTH), MIN_LENGTH,
                MAX_LENGTH);
        this.text = Corpus.TEXT;
        TreeSet<Character> chars = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) {
            chars.add(text.charAt(i));
        }
        this.alphabet = new char[chars.size()];
        int k = 0;
        for (char c : chars) {
            alphabet[k++] = c;
        }
        this.ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Arrays.binarySearch(alphabet, text.charAt(i));
        }
        this.trainLength = (int) (text.length() * TRAIN_FRACTION);
        this.ngramBits = ngramBaselines();
    }

    /** The bundled text. */
    public String text() {
        return text;
    }

    /** How many leading characters of {@link #text()} are the training part. */
    public int trainLength() {
        return trainLength;
    }

    /** The id of character c, or −1 when it is not in the alphabet. */
    public int charId(char c) {
        int i = Arrays.binarySearch(alphabet, c);
        return i >= 0 ? i : -1;
    }

    public char character(int id) {
        return alphabet[id];
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Shakespeare, character by character";
    }

    @Override
    public String description() {
        return "The network reads Shakespeare one character at a time and at every tick predicts the next one; "
                + "sampled from, it writes its own (at first, gibberish).";
    }

    @Override
    public IoPattern pattern() {
        return IoPattern.MANY_TO_MANY;
    }

    /** The target of each character is the next one. */
    @Override
    public boolean predictsItsOwnFuture() {
        return true;
    }

    @Override
    public int inputSize() {
        return alphabet.length;
    }

    @Override
    public int vocabulary() {
        return alphabet.length;
    }

    @Override
    public int outputSize() {
        return alphabet.length;
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
        int[] starts = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            starts[b] = VALIDATION_CHARS + rng.nextInt(trainLength - VALIDATION_CHARS - steps);
        }
        return windows(starts);
    }

    @Override
    public synchronized List<TaskBatch> testBatches(int batchSize) {
        if (testBatches != null && testBatchSize == batchSize) {
            return testBatches;
        }
        testBatches = consecutiveWindows(trainLength, testSize(), batchSize);
        testBatchSize = batchSize;
        return testBatches;
    }

    /** The last test and validation batches made, kept. */
    private List<TaskBatch> testBatches;
    private int testBatchSize;
    private List<TaskBatch> validationBatches;
    private int validationBatchSize;

    /** n consecutive windows of T from character {@code from}, in batches of at most batchSize. */
    private List<TaskBatch> consecutiveWindows(int from, int n, int batchSize) {
        List<TaskBatch> out = new ArrayList<>();
        for (int[] r : TaskSupport.ranges(n, batchSize)) {
            int[] starts = new int[r[1] - r[0]];
            for (int b = 0; b < starts.length; b++) {
                starts[b] = from + (r[0] + b) * steps;
            }
            out.add(windows(starts));
        }
        return List.copyOf(out);
    }

    /**
     * The validation text: the first {@value #VALIDATION_CHARS} characters of the training part,
     * which training windows never reach, in consecutive windows of T read from a zero state (as
     * the test text), for the trainer's early stop and its choice of weights.
     */
    @Override
    public synchronized List<TaskBatch> validationBatches(int batchSize) {
        if (validationBatches == null || validationBatchSize != batchSize) {
            validationBatches = consecutiveWindows(0, (VALIDATION_CHARS - 1) / steps, batchSize);
            validationBatchSize = batchSize;
        }
        return validationBatches;
    }

    @Override
    public int testSize() {
        return (text.length() - trainLength - 1) / steps;
    }

    /** Windows starting at each offset: inputs c_s..c_{s+T−1}, targets c_{s+1}..c_{s+T}. */
    SequenceBatch windows(int[] starts) {
        int batch = starts.length;
        int[] tokens = new int[steps * batch];
        int[] classes = new int[steps * batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                tokens[t * batch + b] = ids[starts[b] + t];
                classes[t * batch + b] = ids[starts[b] + t + 1];
            }
        }
        double[] mask = new double[steps * batch];
        Arrays.fill(mask, 1.0);
        return new SequenceBatch(steps, batch, alphabet.length, null, tokens, alphabet.length, null, classes, mask);
    }

    /**
     * H = 128: 16 units end at 3.1 bits per character, 64 at 2.7 after 3,000 iterations; 128 reach
     * 2.5 in 2,000–3,000 (docs/EXPERIMENTS.md).
     */
    public static final SuggestedDefaults SUGGESTED = new SuggestedDefaults(128, Double.NaN);

    @Override
    public SuggestedDefaults suggested() {
        return SUGGESTED;
    }

    @Override
    public Metric metric() {
        return new Metric("bits per character", false, SOLVED_BITS);
    }

    /**
     * False: the trainer trains the whole budget and keeps the weights of the best validation
     * evaluation. The validation text (the opening of Coriolanus) is about 0.1 bits per character
     * easier than the test text, so the first evaluation whose validation reaches
     * {@value #SOLVED_BITS} stopped 0.1 bits short on the test text (docs/EXPERIMENTS.md).
     */
    @Override
    public boolean stopsWhenSolved() {
        return false;
    }

    @Override
    public void score(TaskBatch batch, Predictions predictions, MetricAccumulator acc) {
        SequenceBatch sb = TaskSupport.sequences(batch);
        int v = alphabet.length;
        for (int t = 0; t < sb.steps(); t++) {
            for (int b = 0; b < sb.batch(); b++) {
                int i = sb.index(t, b);
                if (sb.lossMask()[i] == 0) {
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) {
                    max = Math.max(max, predictions.output(t, b, k));
                }
                double sum = 0;
                for (int k = 0; k < v; k++) {
                    sum += Math.exp(predictions.output(t, b, k) - max);
                }
                double logP = predictions.output(t, b, sb.classes()[i]) - max - Math.log(sum);
                acc.add(-logP / Math.log(2), 1);
            }
        }
    }

    /** Bits per character on the held-out tail of the unigram, bigram and trigram models. */
    public double[] ngramBaselineBits() {
        return ngramBits.clone();
    }

    private double[] ngramBaselines() {
        int v = alphabet.length;
        double[] uni = new double[v];
        double[] bi = new double[v * v];
        double[] biContext = new double[v];
        double[] tri = new double[v * v * v];
        double[] triContext = new double[v * v];
        for (int i = 0; i < trainLength; i++) {
            uni[ids[i]]++;
            if (i >= 1) {
                bi[ids[i - 1] * v + ids[i]]++;
                biContext[ids[i - 1]]++;
            }
            if (i >= 2) {
                int ctx = ids[i - 2] * v + ids[i - 1];
                tri[ctx * v + ids[i]]++;
                triContext[ctx]++;
            }
        }
        double[] bits = new double[3];
        int n = 0;
        for (int i = trainLength + 2; i < text.length(); i++) {
            int a = ids[i - 2];
            int b = ids[i - 1];
            int c = ids[i];
            double pUni = (uni[c] + 1) / (trainLength + v);
            double pBi = (bi[b * v + c] + pUni) / (biContext[b] + 1);
            int ctx = a * v + b;
            double pTri = (tri[ctx * v + c] + pBi) / (triContext[ctx] + 1);
            bits[0] -= Math.log(pUni);
            bits[1] -= Math.log(pBi);
            bits[2] -= Math.log(pTri);
            n++;
        }
        for (int k = 0; k < 3; k++) {
            bits[k] /= n * Math.log(2);
        }
        return bits;
    }

    @Override
    public String baseline() {
        return String.format(java.util.Locale.ROOT,
                "unigram %.2f, bigram %.2f, trigram %.2f bits per character on the held-out text (uniform over %d "
                        + "characters: %.2f)", ngramBits[0], ngramBits[1], ngramBits[2], alphabet.length,
                Math.log(alphabet.length) / Math.log(2));
    }

    @Override
    public String solvedReason() {
        return String.format(java.util.Locale.ROOT, "%.1f bits per character, half a bit under a trigram model "
                + "(%.2f): the network uses much more than the last two characters", SOLVED_BITS, ngramBits[2]);
    }

    @Override
    public String inputLabel(int token) {
        return show(alphabet[token]);
    }

    @Override
    public String classLabel(int k) {
        return show(alphabet[k]);
    }

    private static String show(char c) {
        return c == '\n' ? "\\n" : c == ' ' ? "␣" : String.valueOf(c);
    }

    private static final class Corpus {
        static final String TEXT = TaskSupport.resource("text/tinyshakespeare.txt");
    }
}

package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

class SentimentTaskTest {
    @Test
    void theRealSentencesAreAllThereAndSplitByLineIndex() {
        SentimentTask t = new SentimentTask(TaskOptions.defaults().withVariant("real"));
        assertThat(t.trainSentences().size() + t.validationSentences().size()).isEqualTo(2400);
        assertThat(t.testSentences()).hasSize(600);
        assertThat(t.testSentences().get(0).text()).isEqualTo(amazonLine(4));
        SentimentTask.Sentence first = t.trainSentences().get(0).text().startsWith("So there is no way")
                ? t.trainSentences().get(0) : t.validationSentences().get(0);
        assertThat(first.text()).startsWith("So there is no way for me to plug it in here");
        assertThat(first.label()).isZero();
        long positives = t.testSentences().stream().filter(s -> s.label() == 1).count();
        assertThat(positives).isBetween(250L, 350L);
        Map<String, Long> bySource = new HashMap<>();
        for (SentimentTask.Sentence s : t.testSentences()) {
            bySource.merge(s.source(), 1L, Long::sum);
        }
        assertThat(bySource).containsEntry("amazon", 200L).containsEntry("imdb", 200L).containsEntry("yelp", 200L);
        // the C1 characters of imdb do not split lines
        assertThat(t.trainSentences().stream().filter(s -> s.source().equals("imdb")).count()
                + t.validationSentences().stream().filter(s -> s.source().equals("imdb")).count()).isEqualTo(800);
    }

    @Test
    void anEighthOfEachSourceAndLabelIsHeldOutForValidationTheSameForEverySeed() {
        SentimentTask t = new SentimentTask(TaskOptions.defaults().withVariant("real").withSeed(3));
        SentimentTask other = new SentimentTask(TaskOptions.defaults().withVariant("real").withSeed(700));
        assertThat(other.validationSentences()).isEqualTo(t.validationSentences());
        for (String source : List.of("amazon", "imdb", "yelp")) {
            for (int label = 0; label < 2; label++) {
                int y = label;
                long held = t.validationSentences().stream().filter(s -> s.source().equals(source) && s.label() == y)
                        .count();
                long kept = t.trainSentences().stream().filter(s -> s.source().equals(source) && s.label() == y)
                        .count();
                assertThat(held).as("%s, label %d", source, y).isEqualTo((long) ((held + kept) * 0.125));
            }
        }
        // a partition of each source's lines (the files repeat a few sentences, so by count)
        for (String source : List.of("amazon", "imdb", "yelp")) {
            long n = java.util.stream.Stream.of(t.trainSentences(), t.validationSentences(), t.testSentences())
                    .flatMap(List::stream).filter(s -> s.source().equals(source)).count();
            assertThat(n).as(source).isEqualTo(1000);
        }
        // validation batches read every word, in order, and score the last one
        int n = 0;
        for (TaskBatch b : t.validationBatches(128)) {
            SequenceBatch sb = (SequenceBatch) b;
            for (int k = 0; k < sb.batch(); k++, n++) {
                int[] ids = t.encode(t.validationSentences().get(n).text());
                for (int step = 0; step < ids.length; step++) {
                    assertThat(sb.tokens()[sb.index(step, k)]).isEqualTo(ids[step]);
                }
                assertThat(sb.lossMask()[sb.index(ids.length - 1, k)]).isEqualTo(1.0);
            }
        }
        assertThat(n).isEqualTo(t.validationSentences().size()).isBetween(290, 300);
    }

    private static String amazonLine(int i) {
        String[] lines = TaskSupport.resource("sentiment/amazon_cells_labelled.txt").split("\n");
        return lines[i].substring(0, lines[i].lastIndexOf('\t')).trim();
    }

    @Test
    void theVocabularyComesFromTheTrainingSplitOnly() {
        SentimentTask t = new SentimentTask(TaskOptions.defaults().withVariant("real"));
        Map<String, Integer> trainCounts = new HashMap<>();
        for (SentimentTask.Sentence s : t.trainSentences()) {
            for (String w : WordTokenizer.tokenize(s.text())) {
                trainCounts.merge(w, 1, Integer::sum);
            }
        }
        int unknownInTest = 0;
        for (SentimentTask.Sentence s : t.testSentences()) {
            for (String w : WordTokenizer.tokenize(s.text())) {
                boolean known = trainCounts.getOrDefault(w, 0) >= SentimentTask.MIN_WORD_COUNT;
                assertThat(t.words().contains(w)).as(w).isEqualTo(known);
                unknownInTest += known ? 0 : 1;
            }
        }
        assertThat(unknownInTest).isPositive();
        assertThat(t.vocabulary()).isEqualTo(trainCounts.values().stream()
                .filter(c -> c >= SentimentTask.MIN_WORD_COUNT).count() + 2);
        assertThat(t.inputLabel(Vocabulary.PAD)).isEqualTo("<pad>");
        assertThat(t.inputLabel(Vocabulary.UNKNOWN)).isEqualTo("<unk>");
    }

    @Test
    void sentencesArePaddedAndScoredAtTheirLastRealWord() {
        SentimentTask t = new SentimentTask(TaskOptions.defaults().withVariant("real").withLength(10));
        SequenceBatch sb = (SequenceBatch) t.testBatches(600).get(0);
        for (int b = 0; b < 600; b++) {
            SentimentTask.Sentence s = t.testSentences().get(b);
            int words = Math.max(1, Math.min(10, WordTokenizer.tokenize(s.text()).size()));
            for (int step = 0; step < 10; step++) {
                int i = sb.index(step, b);
                assertThat(sb.lossMask()[i]).isEqualTo(step == words - 1 ? 1.0 : 0.0);
                assertThat(sb.tokens()[i] == Vocabulary.PAD).isEqualTo(step >= words);
                assertThat(sb.classes()[i]).isEqualTo(s.label());
            }
        }
        assertThat(t.encode("The PHONE, it's great!!")).containsExactly(t.words().id("the"), t.words().id("phone"),
                t.words().id("it's"), t.words().id("great"));
        assertThat(t.encode("...")).containsExactly(Vocabulary.UNKNOWN);
    }

    @Test
    void tokenizerLowercasesAndKeepsApostrophesInsideWords() {
        assertThat(WordTokenizer.tokenize("Don't BUY it -- 'really' 10/10, café!"))
                .containsExactly("don't", "buy", "it", "really", "10", "10", "café");
    }

    /** An evaluator written apart from the generator: the label the grammar's rules give. */
    private static int ruleLabel(String sentence) {
        if (sentence.contains(" but ")) {
            return ruleLabel(sentence.substring(sentence.indexOf(" but ") + 5));
        }
        if (sentence.contains(" and ")) {
            int a = ruleLabel(sentence.substring(0, sentence.indexOf(" and ")));
            int b = ruleLabel(sentence.substring(sentence.indexOf(" and ") + 5));
            assertThat(a).as("both halves of '%s' agree", sentence).isEqualTo(b);
            return a;
        }
        Set<String> words = new HashSet<>(List.of(sentence.split(" ")));
        Set<String> positive = Set.of("good", "great", "excellent", "nice", "wonderful", "amazing", "fine",
                "enjoyable", "liked", "like", "loved", "love", "enjoyed", "enjoy");
        boolean pos = words.stream().anyMatch(positive::contains);
        boolean negated = words.contains("not") || words.contains("never");
        return pos != negated ? 1 : 0;
    }

    @Test
    void generatedLabelsFollowNegationAndButAndWordOrderDecides() {
        List<SentimentGrammar.Example> all = SentimentGrammar.generate(2000, new SplittableRandom(11));
        assertThat(all).hasSize(2000);
        assertThat(all.stream().map(SentimentGrammar.Example::text).distinct().count()).isEqualTo(2000);
        Map<String, Set<Integer>> labelsByBag = new HashMap<>();
        int positives = 0;
        for (SentimentGrammar.Example e : all) {
            assertThat(e.label()).as(e.text()).isEqualTo(ruleLabel(e.text()));
            List<String> bag = new ArrayList<>(List.of(e.text().split(" ")));
            bag.sort(null);
            labelsByBag.computeIfAbsent(String.join(" ", bag), k -> new HashSet<>()).add(e.label());
            positives += e.label();
        }
        assertThat(positives).isBetween(900, 1100);
        long twins = labelsByBag.values().stream().filter(s -> s.size() == 2).count();
        assertThat(twins).as("bags of words that occur with both labels").isGreaterThan(400);
        assertThat(ruleLabel("the food was not bad at all")).isEqualTo(1);
        assertThat(ruleLabel("the food was not very good")).isZero();
    }

    @Test
    void theGrammarSetDefeatsABagOfWordsAndSplitsWithoutOverlap() {
        SentimentTask t = new SentimentTask(TaskOptions.defaults().withVariant("grammar"));
        assertThat(t.trainSentences().size() + t.validationSentences().size()).isEqualTo(1600);
        assertThat(t.testSentences()).hasSize(400);
        Set<String> train = new HashSet<>();
        t.trainSentences().forEach(s -> train.add(s.text()));
        assertThat(t.testSentences()).noneMatch(s -> train.contains(s.text()));
        assertThat(t.validationSentences()).hasSizeBetween(190, 200).noneMatch(s -> train.contains(s.text()));
        assertThat(t.bagOfWordsAccuracy()).isBetween(0.4, 0.65);
        assertThat(t.metric().solvedAt()).isEqualTo(0.95);
        assertThat(t.vocabulary()).isLessThan(70);
    }

    @Test
    void bothSetsTogetherAndTheirBars() {
        SentimentTask both = new SentimentTask(TaskOptions.defaults());
        assertThat(both.variant()).isEqualTo("both");
        assertThat(both.testSize()).isEqualTo(1000);
        double bar = (600 * both.realBagOfWordsAccuracy() + 400 * 0.95) / 1000;
        assertThat(both.metric().solvedAt()).isCloseTo(bar, org.assertj.core.data.Offset.offset(1e-12));
        SentimentTask real = new SentimentTask(TaskOptions.defaults().withVariant("REAL"));
        assertThat(real.metric().solvedAt()).isEqualTo(real.bagOfWordsAccuracy());
        assertThat(real.bagOfWordsAccuracy()).isBetween(0.75, 0.9);
        assertThat(real.majorityAccuracy()).isBetween(0.4, 0.6);
        int total = 0;
        for (TaskBatch b : real.testBatches(77)) {
            total += b.batch();
        }
        assertThat(total).isEqualTo(600);
    }
}

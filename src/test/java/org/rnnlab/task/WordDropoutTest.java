package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

class WordDropoutTest {

    @Test
    void replacesAboutPOfTheWordsOfOneSequenceAndNothingElse() {
        int steps = 1000;
        int batch = 2;
        int[] tokens = new int[steps * batch];
        java.util.Arrays.fill(tokens, 7);
        WordDropout.apply(tokens, batch, 1, 800, 0.3, new SplittableRandom(5));
        int dropped = 0;
        for (int t = 0; t < steps; t++) {
            assertThat(tokens[t * batch]).isEqualTo(7);
            if (t >= 800) {
                assertThat(tokens[t * batch + 1]).isEqualTo(7);
            } else if (tokens[t * batch + 1] == Vocabulary.UNKNOWN) {
                dropped++;
            }
        }
        assertThat(dropped / 800.0).isCloseTo(0.3, within(0.05));
    }

    @Test
    void theSameGeneratorDropsTheSameWords() {
        int[] a = new int[50];
        int[] b = new int[50];
        java.util.Arrays.fill(a, 9);
        java.util.Arrays.fill(b, 9);
        WordDropout.apply(a, 1, 0, 50, 0.3, new SplittableRandom(3));
        WordDropout.apply(b, 1, 0, 50, 0.3, new SplittableRandom(3));
        assertThat(a).isEqualTo(b).contains(Vocabulary.UNKNOWN).contains(9);
    }

    @Test
    void refusesARateOutsideZeroToOne() {
        assertThatThrownBy(() -> WordDropout.apply(new int[1], 1, 0, 1, 1.0, new SplittableRandom(1)))
                .hasMessage("word dropout must be in [0, 1), was 1.0");
    }

    @Test
    void sentimentDropsWordsOfRealTrainingSentencesOnly() {
        SentimentTask task = new SentimentTask(TaskOptions.defaults());
        int unknownReal = 0;
        int realWords = 0;
        SplittableRandom rng = new SplittableRandom(4);
        for (int k = 0; k < 20; k++) {
            SequenceBatch b = (SequenceBatch) task.trainBatch(32, rng);
            for (int s = 0; s < b.batch(); s++) {
                StringBuilder words = new StringBuilder();
                int n = 0;
                for (int t = 0; t < b.steps() && b.tokens()[b.index(t, s)] != Vocabulary.PAD; t++) {
                    words.append(task.inputLabel(b.tokens()[b.index(t, s)])).append(' ');
                    n++;
                }
                boolean generated = task.trainSentences().stream().anyMatch(x -> x.source().equals("grammar")
                        && (String.join(" ", WordTokenizer.tokenize(x.text())) + " ").equals(words.toString()));
                if (!generated) {
                    realWords += n;
                    for (int t = 0; t < n; t++) {
                        unknownReal += b.tokens()[b.index(t, s)] == Vocabulary.UNKNOWN ? 1 : 0;
                    }
                }
            }
        }
        // <unk> from rare words is part of the count; dropout adds WORD_DROPOUT of the other words to it
        assertThat((double) unknownReal / realWords).isBetween(SentimentTask.WORD_DROPOUT,
                SentimentTask.WORD_DROPOUT + 0.15);
        for (TaskBatch tb : task.testBatches(600)) {
            SequenceBatch b = (SequenceBatch) tb;
            for (int s = 0; s < b.batch(); s++) {
                int[] ids = task.encode(task.testSentences().get(s).text());
                for (int t = 0; t < ids.length; t++) {
                    assertThat(b.tokens()[b.index(t, s)]).isEqualTo(ids[t]);
                }
            }
            break;
        }
    }
}

package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.engine.TaskBatch;

class TextTaskTest {
    private static final TextTask TASK = new TextTask(TaskOptions.defaults().withLength(20));

    @Test
    void theTextIsTheWholeTinyShakespeare() {
        String text = TASK.text();
        assertThat(text).hasSize(1_115_394).startsWith("First Citizen:\nBefore we proceed any further, hear me speak.");
        assertThat(TASK.vocabulary()).isEqualTo(65);
        assertThat(TASK.trainLength()).isEqualTo(1_003_854);
        assertThat(TASK.character(TASK.charId('e'))).isEqualTo('e');
        assertThat(TASK.charId('é')).isEqualTo(-1);
    }

    @Test
    void windowsPredictTheNextCharacterAndTheTestSetIsTheHeldOutTail() {
        SequenceBatch train = (SequenceBatch) TASK.trainBatch(300, new SplittableRandom(2));
        String text = TASK.text();
        for (int b = 0; b < 300; b++) {
            StringBuilder in = new StringBuilder();
            for (int t = 0; t < 20; t++) {
                int i = train.index(t, b);
                in.append(TASK.character(train.tokens()[i]));
                if (t + 1 < 20) {
                    assertThat(train.classes()[i]).isEqualTo(train.tokens()[train.index(t + 1, b)]);
                }
            }
            int start = text.indexOf(in.toString());
            assertThat(start).isBetween(0, TASK.trainLength() - 21);
        }
        assertThat(TASK.testSize()).isEqualTo((1_115_394 - 1_003_854 - 1) / 20);
        SequenceBatch test = (SequenceBatch) TASK.testBatches(1000).get(0);
        for (int b = 0; b < test.batch(); b++) {
            int start = TASK.trainLength() + 20 * b;
            for (int t = 0; t < 20; t++) {
                assertThat(TASK.character(test.tokens()[test.index(t, b)])).isEqualTo(text.charAt(start + t));
                assertThat(TASK.character(test.classes()[test.index(t, b)])).isEqualTo(text.charAt(start + t + 1));
            }
        }
    }

    @Test
    void theFirstCharactersOfTheTrainingPartAreTheValidationTextAndNeverTrain() {
        String text = TASK.text();
        int from = 0;
        String fit = text.substring(TextTask.VALIDATION_CHARS, TASK.trainLength());
        SplittableRandom rng = new SplittableRandom(4);
        for (int k = 0; k < 10; k++) {
            SequenceBatch train = (SequenceBatch) TASK.trainBatch(300, rng);
            for (int b = 0; b < 300; b++) {
                StringBuilder in = new StringBuilder();
                for (int t = 0; t < 20; t++) {
                    in.append(TASK.character(train.tokens()[train.index(t, b)]));
                }
                in.append(TASK.character(train.classes()[train.index(19, b)]));
                assertThat(fit).as("a training window, with its last target").contains(in);
            }
        }
        List<TaskBatch> validation = TASK.validationBatches(4096);
        assertThat(validation.stream().mapToInt(TaskBatch::batch).sum()).isEqualTo((TextTask.VALIDATION_CHARS - 1) / 20);
        SequenceBatch v = (SequenceBatch) validation.get(0);
        for (int b = 0; b < v.batch(); b++) {
            for (int t = 0; t < 20; t++) {
                assertThat(TASK.character(v.tokens()[v.index(t, b)])).isEqualTo(text.charAt(from + 20 * b + t));
            }
        }
        SequenceBatch last = (SequenceBatch) validation.get(validation.size() - 1);
        int end = from + 20 * ((TextTask.VALIDATION_CHARS - 1) / 20);
        assertThat(end).as("the last validation target comes before the training text").isLessThan(TextTask.VALIDATION_CHARS);
        assertThat(TASK.character(last.classes()[last.index(19, last.batch() - 1)])).isEqualTo(text.charAt(end));
    }

    @Test
    void bitsPerCharacterOfAUniformModelIsLog2OfTheAlphabet() {
        MetricAccumulator acc = new MetricAccumulator();
        for (TaskBatch b : TASK.testBatches(100)) {
            TASK.score(b, Oracle.constant(b, new double[65]), acc);
        }
        assertThat(acc.value()).isCloseTo(Math.log(65) / Math.log(2), within(1e-9));
        assertThat(TASK.metric().solved(acc.value())).isFalse();
    }

    @Test
    void unigramBaselineMatchesADirectCount() {
        String text = TASK.text();
        int n = TASK.trainLength();
        int[] counts = new int[65];
        for (int i = 0; i < n; i++) {
            counts[TASK.charId(text.charAt(i))]++;
        }
        double bits = 0;
        for (int i = n + 2; i < text.length(); i++) {
            bits -= Math.log((counts[TASK.charId(text.charAt(i))] + 1.0) / (n + 65)) / Math.log(2);
        }
        bits /= text.length() - n - 2;
        double[] ngram = TASK.ngramBaselineBits();
        assertThat(ngram[0]).isCloseTo(bits, within(1e-9)).isCloseTo(4.83, within(0.01));
        assertThat(ngram[1]).isLessThan(ngram[0]);
        assertThat(ngram[2]).isLessThan(ngram[1]).isCloseTo(2.99, within(0.01));
        assertThat(TASK.metric().solvedAt()).isEqualTo(TextTask.SOLVED_BITS).isLessThan(ngram[2] - 0.4);
    }

    private static SequenceModel model(CellConfig cell, long seed) {
        return RandomWeights.fill(new SequenceModel(new ModelConfig(cell, 65, 65, LossKind.CROSS_ENTROPY)), seed);
    }

    @Test
    void greedySamplingCarriesTheStateLikeAWholeSequencePass() {
        for (CellConfig cell : new CellConfig[] {CellConfig.lstm(6, 12), CellConfig.gru(6, 12), CellConfig.rnn(6, 12)}) {
            SequenceModel m = model(cell, 3);
            String prime = "ROMEO:\n";
            String out = TextSampler.sample(m, TASK, prime, 30, 0.0, new SplittableRandom(1));
            assertThat(out).hasSize(30);
            // run prime + output as one sequence: each sampled character is the argmax after the one before
            String all = prime + out;
            int steps = all.length() - 1;
            int[] tokens = new int[steps];
            for (int t = 0; t < steps; t++) {
                tokens[t] = TASK.charId(all.charAt(t));
            }
            m.load(new SequenceBatch(steps, 1, 65, null, tokens, 65, null, new int[steps], new double[steps]), null, null);
            m.forward();
            for (int t = prime.length() - 1; t < steps; t++) {
                assertThat(TASK.character(m.argmax(t, 0))).as("%s tick %d", cell.kind(), t).isEqualTo(all.charAt(t + 1));
            }
        }
    }

    @Test
    void samplingIsSeededAndStaysInTheAlphabet() {
        SequenceModel m = model(CellConfig.lstm(6, 12), 4);
        String a = TextSampler.sample(m, TASK, "", 200, 1.0, new SplittableRandom(7));
        String b = TextSampler.sample(m, TASK, "", 200, 1.0, new SplittableRandom(7));
        String c = TextSampler.sample(m, TASK, "", 200, 1.0, new SplittableRandom(8));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        for (char ch : a.toCharArray()) {
            assertThat(TASK.charId(ch)).isNotNegative();
        }
        // a low temperature concentrates on the likeliest characters
        String cold = TextSampler.sample(m, TASK, "", 200, 0.05, new SplittableRandom(7));
        assertThat(cold.chars().distinct().count()).isLessThan(a.chars().distinct().count());
    }

    @Test
    void samplingRefusesWhatItCannotDo() {
        SequenceModel m = model(CellConfig.lstm(6, 12), 4);
        assertThatThrownBy(() -> TextSampler.sample(m, TASK, "café", 5, 1.0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prime character 'é' (U+00E9) is not in the text's alphabet");
        assertThatThrownBy(() -> TextSampler.sample(m, TASK, "a", 5, -1, new SplittableRandom(1)))
                .hasMessage("temperature must be a number ≥ 0, was -1.0");
        assertThatThrownBy(() -> TextSampler.sample(m, TASK, "a", -1, 1, new SplittableRandom(1)))
                .hasMessage("sample length must be in 0..100000, was -1");
        SequenceModel other = new SequenceModel(new ModelConfig(CellConfig.lstm(6, 4), 10, 10, LossKind.CROSS_ENTROPY));
        assertThatThrownBy(() -> TextSampler.sample(other, TASK, "a", 5, 1, new SplittableRandom(1)))
                .hasMessageContaining("is not built for the text task (65 characters");
    }
}

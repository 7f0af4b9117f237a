package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.SplittableRandom;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.Seq2SeqBatch;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

class NumbersTaskTest {
    @ParameterizedTest
    @CsvSource({"0,zero", "1,one", "7,seven", "10,ten", "11,eleven", "12,twelve", "13,thirteen", "15,fifteen",
        "19,nineteen", "20,twenty", "21,twenty one", "40,forty", "99,ninety nine", "100,one hundred",
        "101,one hundred one", "110,one hundred ten", "115,one hundred fifteen", "200,two hundred",
        "312,three hundred twelve", "580,five hundred eighty", "999,nine hundred ninety nine"})
    void wordsAndDigits(int n, String words) {
        assertThat(NumberWords.toWords(n)).isEqualTo(words);
        assertThat(NumberWords.parse(words)).isEqualTo(n);
    }

    @Test
    void everyNumberRoundTripsAndOutOfRangeIsRefused() {
        Set<String> all = new HashSet<>();
        for (int n = 0; n <= 999; n++) {
            String w = NumberWords.toWords(n);
            assertThat(all.add(w)).isTrue();
            assertThat(NumberWords.parse(w)).isEqualTo(n);
            assertThat(NumberWords.words()).containsAll(List.of(w.split(" ")));
        }
        assertThat(NumberWords.parse("Twenty-One")).isEqualTo(21);
        assertThatThrownBy(() -> NumberWords.toWords(1000)).hasMessage("number must be in 0..999, was 1000");
        assertThatThrownBy(() -> NumberWords.parse("one thousand"))
                .hasMessage("'one thousand' is not a number from zero to nine hundred ninety nine");
    }

    @Test
    void aBatchHoldsLeftPaddedWordsAndTeacherForcedDigits() {
        NumbersTask task = new NumbersTask(TaskOptions.defaults());
        Seq2SeqBatch s = NumbersTask.batch(new int[] {312, 7, 40});
        SequenceBatch src = s.source();
        SequenceBatch tgt = s.target();
        assertThat(row(src.tokens(), 3, 0, 4)).containsExactly(0, id("three"), id("hundred"), id("twelve"));
        assertThat(row(src.tokens(), 3, 1, 4)).containsExactly(0, 0, 0, id("seven"));
        assertThat(row(src.tokens(), 3, 2, 4)).containsExactly(0, 0, 0, id("forty"));
        assertThat(src.lossMask()).containsOnly(0.0);
        assertThat(row(tgt.tokens(), 3, 0, 4)).containsExactly(NumbersTask.START, d(3), d(1), d(2));
        assertThat(row(tgt.classes(), 3, 0, 4)).containsExactly(d(3), d(1), d(2), NumbersTask.END);
        assertThat(rowMask(tgt.lossMask(), 3, 0)).containsExactly(1, 1, 1, 1);
        assertThat(row(tgt.tokens(), 3, 1, 4)).startsWith(NumbersTask.START, d(7));
        assertThat(row(tgt.classes(), 3, 1, 4)).startsWith(d(7), NumbersTask.END);
        assertThat(rowMask(tgt.lossMask(), 3, 1)).containsExactly(1, 1, 0, 0);
        assertThat(row(tgt.classes(), 3, 2, 4)).startsWith(d(4), d(0), NumbersTask.END);
        assertThat(rowMask(tgt.lossMask(), 3, 2)).containsExactly(1, 1, 1, 0);
        assertThat(task.decoder()).isEqualTo(new DecoderSpec(12, 0, 1, 4));
        assertThat(task.outputSize()).isEqualTo(12);
        assertThat(tgt.inputSize()).isEqualTo(12);
        assertThat(task.classLabel(d(0))).isEqualTo("0");
        assertThat(task.classLabel(d(9))).isEqualTo("9");
        SequenceView view = task.view(s, 0, null);
        assertThat(view.encoderTicks()).isEqualTo(4);
        assertThat(view.ticks()).extracting(TickView::input)
                .containsExactly("<pad>", "three", "hundred", "twelve", "<s>", "3", "1", "2");
        assertThat(view.ticks()).extracting(TickView::target).containsExactly("", "", "", "", "3", "1", "2", "</s>");
    }

    private static int d(int digit) {
        return NumbersTask.digitClass(digit);
    }

    private static int id(String word) {
        return NumberWords.words().indexOf(word) + 1;
    }

    private static int[] row(int[] a, int batch, int b, int steps) {
        int[] r = new int[steps];
        for (int t = 0; t < steps; t++) {
            r[t] = a[t * batch + b];
        }
        return r;
    }

    private static int[] rowMask(double[] a, int batch, int b) {
        int[] r = new int[4];
        for (int t = 0; t < 4; t++) {
            r[t] = (int) a[t * batch + b];
        }
        return r;
    }

    @Test
    void theSplitHoldsOutTwoHundredTestAndAHundredValidationNumbersAndTeachesEveryWord() {
        for (long seed = 0; seed < 20; seed++) {
            NumbersTask task = new NumbersTask(TaskOptions.defaults().withSeed(seed));
            int[] train = task.trainNumbers();
            int[] test = task.testNumbers();
            assertThat(test).hasSize(200).doesNotContain(0);
            int[] validation = task.validationNumbers();
            assertThat(train).hasSize(700).contains(0);
            assertThat(validation).hasSize(100).doesNotContain(0);
            Set<Integer> trainSet = new HashSet<>();
            Set<String> trainWords = new HashSet<>();
            for (int n : train) {
                trainSet.add(n);
                trainWords.addAll(List.of(NumberWords.toWords(n).split(" ")));
            }
            Set<Integer> testSet = new HashSet<>();
            for (int n : test) {
                assertThat(trainSet).doesNotContain(n);
                testSet.add(n);
            }
            for (int n : validation) {
                assertThat(trainSet).doesNotContain(n);
                assertThat(testSet).doesNotContain(n);
            }
            assertThat(trainWords).containsExactlyInAnyOrderElementsOf(NumberWords.words());
        }
    }

    @Test
    void exactMatchNeedsEveryDigitAndNothingAfter() {
        NumbersTask task = new NumbersTask(TaskOptions.defaults());
        TaskBatch b = NumbersTask.batch(new int[] {312, 7});
        double[] got = new double[4];
        int e = NumbersTask.END;
        int[][][] answers = {
            {{d(3), d(1), d(2), e}, {d(7), e, e, e}},
            {{d(3), d(1), d(2)}, {d(7)}},
            {{d(3), d(1), d(5), e}, {d(7), d(1), e, e}},
            {{d(3), d(1), d(2), d(2)}, {e, d(7), e, e}},
        };
        for (int a = 0; a < answers.length; a++) {
            int[][] ans = answers[a];
            MetricAccumulator acc = new MetricAccumulator();
            task.score(b, new Predictions() {
                public double output(int t, int row, int k) {
                    return 0;
                }

                public int argmax(int t, int row) {
                    return 0;
                }

                public int[] decode(int row, int maxSteps) {
                    assertThat(maxSteps).isEqualTo(4);
                    return ans[row];
                }
            }, acc);
            got[a] = acc.value();
        }
        assertThat(got).containsExactly(1.0, 1.0, 0.0, 0.0);
        assertThatThrownBy(() -> new NumbersTask(TaskOptions.defaults().withLength(9)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEnginesEncoderDecoderTakesTheBatchesAndDecodesWithTheTasksTokens() {
        NumbersTask task = new NumbersTask(TaskOptions.defaults());
        EncoderDecoderModel m = new EncoderDecoderModel(CellConfig.gru(8, 16), task.inputSize(), task.outputSize());
        SplittableRandom rng = new SplittableRandom(3);
        for (var p : m.params()) {
            double[] a = p.value().data;
            for (int i = 0; i < a.length; i++) {
                a[i] = 0.3 * (2 * rng.nextDouble() - 1);
            }
        }
        m.markChanged();
        TaskBatch b = task.testBatches(50).get(0);
        double loss = m.forwardLoss(b);
        assertThat(loss).isBetween(0.5 * Math.log(12), 2 * Math.log(12));
        DecoderSpec spec = task.decoder();
        MetricAccumulator acc = new MetricAccumulator();
        task.score(b, new Predictions() {
            public double output(int t, int row, int k) {
                return m.output(t, row, k);
            }

            public int argmax(int t, int row) {
                return m.argmax(t, row);
            }

            public int[] decode(int row, int maxSteps) {
                int[] out = m.decodeGreedy(row, spec.startToken(), spec.endClass(), maxSteps);
                assertThat(out.length).isLessThanOrEqualTo(maxSteps);
                return out;
            }
        }, acc);
        assertThat(acc.count()).isEqualTo(50);
        assertThat(acc.value()).isBetween(0.0, 0.1);
    }
}

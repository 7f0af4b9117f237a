package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.Seq2SeqBatch;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.task.registry.Tasks;

/** What every task promises: shapes, masks, determinism, scoring at the extremes, views. */
class TaskContractTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> tasks() throws IOException {
        Path csv = dir.resolve("series.csv");
        StringBuilder s = new StringBuilder("t,value\n");
        for (int i = 0; i < 60; i++) {
            s.append(i).append(',').append(10 + Math.sin(i / 3.0)).append('\n');
        }
        Files.writeString(csv, s);
        List<Arguments> a = new ArrayList<>();
        for (String id : Tasks.ids()) {
            TaskOptions o = TaskOptions.defaults().withSeed(5);
            if (id.equals("csv")) {
                o = o.withFile(csv);
            }
            if (id.equals("model-input")) {
                o = o.withVariant("many-to-one;x=2;v=0;y=1;mse;lstm>dense");
            }
            a.add(Arguments.of(id, o));
        }
        a.add(Arguments.of("sine", TaskOptions.defaults().withVariant("many-to-one")));
        a.add(Arguments.of("sentiment", TaskOptions.defaults().withVariant("grammar").withLength(12)));
        a.add(Arguments.of("adding", TaskOptions.defaults().withLength(2)));
        a.add(Arguments.of("order", TaskOptions.defaults().withLength(8)));
        a.add(Arguments.of("copy", TaskOptions.defaults().withLag(1)));
        a.add(Arguments.of("model-input", TaskOptions.defaults().withVariant("many-to-many;x=1;v=9;y=4;ce;emb>gru>d")));
        return a.stream();
    }

    private static List<SequenceBatch> parts(TaskBatch b) {
        return b instanceof Seq2SeqBatch s ? List.of(s.source(), s.target()) : List.of((SequenceBatch) b);
    }

    private static SequenceBatch scored(TaskBatch b) {
        return b instanceof Seq2SeqBatch s ? s.target() : (SequenceBatch) b;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tasks")
    void batchesHaveTheDeclaredShapes(String id, TaskOptions o) {
        Task task = Tasks.create(id, o);
        assertThat(task.id()).isEqualTo(id);
        assertThat(task.title()).isNotBlank();
        assertThat(task.description()).isNotBlank();
        assertThat(task.baseline()).isNotBlank();
        assertThat(task.solvedReason()).isNotBlank();
        TaskBatch train = task.trainBatch(7, new SplittableRandom(1));
        assertThat(train.batch()).isEqualTo(7);
        SequenceBatch first = parts(train).get(0);
        assertThat(first.steps()).isEqualTo(task.sequenceLength());
        assertThat(first.inputSize()).isEqualTo(task.inputSize());
        assertThat(first.usesTokens()).isEqualTo(task.vocabulary() > 0);
        SequenceBatch target = scored(train);
        assertThat(target.outputSize()).isEqualTo(task.outputSize());
        assertThat(target.isClassification()).isEqualTo(task.loss() == LossKind.CROSS_ENTROPY);
        for (int b = 0; b < 7; b++) {
            double m = 0;
            for (int t = 0; t < target.steps(); t++) {
                m += target.lossMask()[target.index(t, b)];
            }
            assertThat(m).as("scored ticks of sequence %d", b).isPositive();
        }
        if (task.decoder() != null) {
            assertThat(task.pattern()).isEqualTo(IoPattern.ENCODER_DECODER);
            assertThat(target.inputSize()).isEqualTo(task.decoder().vocabulary()).isEqualTo(task.outputSize());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tasks")
    void testSetIsCutIntoBatchesOfAtMostTheSize(String id, TaskOptions o) {
        Task task = Tasks.create(id, o);
        List<TaskBatch> batches = task.testBatches(64);
        int n = 0;
        for (TaskBatch b : batches) {
            assertThat(b.batch()).isBetween(1, 64);
            n += b.batch();
        }
        assertThat(n).isEqualTo(task.testSize()).isPositive();
        List<TaskBatch> single = task.testBatches(n);
        assertThat(single).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tasks")
    void sameSeedsGiveIdenticalBatchesAndTestSet(String id, TaskOptions o) {
        Task a = Tasks.create(id, o);
        Task b = Tasks.create(id, o);
        assertSameBatches(a.trainBatch(5, new SplittableRandom(9)), b.trainBatch(5, new SplittableRandom(9)));
        List<TaskBatch> ta = a.testBatches(50);
        List<TaskBatch> tb = b.testBatches(50);
        assertThat(ta).hasSameSizeAs(tb);
        for (int i = 0; i < ta.size(); i++) {
            assertSameBatches(ta.get(i), tb.get(i));
        }
        assertThat(a.metric()).isEqualTo(b.metric());
        assertThat(a.baseline()).isEqualTo(b.baseline());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tasks")
    void theTrainerGeneratorDecidesTheTrainingBatch(String id, TaskOptions o) {
        Task task = Tasks.create(id, o);
        TaskBatch x = task.trainBatch(8, new SplittableRandom(1));
        TaskBatch y = task.trainBatch(8, new SplittableRandom(2));
        assertThat(sameBatches(x, y)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tasks")
    void perfectPredictionsAreSolvedAndScoreTheBestValue(String id, TaskOptions o) {
        Task task = Tasks.create(id, o);
        MetricAccumulator acc = new MetricAccumulator();
        for (TaskBatch b : task.testBatches(100)) {
            task.score(b, Oracle.perfect(b), acc);
        }
        double best = switch (task.metric().name()) {
            case "bits per character" -> 0.0;
            default -> task.metric().higherIsBetter() ? 1.0 : 0.0;
        };
        assertThat(acc.value()).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-2));
        assertThat(task.metric().solved(acc.value())).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tasks")
    void viewsShowEveryTickOfASequence(String id, TaskOptions o) {
        Task task = Tasks.create(id, o);
        TaskBatch b = task.testBatches(4).get(0);
        SequenceView none = task.view(b, 1, null);
        SequenceView right = task.view(b, 1, Oracle.perfect(b));
        int ticks = parts(b).stream().mapToInt(SequenceBatch::steps).sum();
        assertThat(none.length()).isEqualTo(ticks);
        assertThat(right.length()).isEqualTo(ticks);
        assertThat(none.ticks()).allSatisfy(t -> assertThat(t.prediction()).isEmpty());
        for (TickView t : right.ticks()) {
            assertThat(t.input()).isNotEmpty();
            if (t.scored()) {
                assertThat(t.target()).isNotEmpty();
                assertThat(t.prediction()).isEqualTo(t.target());
            }
        }
        assertThat(right.ticks()).anyMatch(TickView::scored);
    }

    static void assertSameBatches(TaskBatch x, TaskBatch y) {
        assertThat(sameBatches(x, y)).as("identical batches").isTrue();
    }

    static boolean sameBatches(TaskBatch x, TaskBatch y) {
        List<SequenceBatch> a = parts(x);
        List<SequenceBatch> b = parts(y);
        for (int i = 0; i < a.size(); i++) {
            SequenceBatch p = a.get(i);
            SequenceBatch q = b.get(i);
            if (p.steps() != q.steps() || p.batch() != q.batch()
                    || !java.util.Arrays.equals(p.inputs(), q.inputs())
                    || !java.util.Arrays.equals(p.tokens(), q.tokens())
                    || !java.util.Arrays.equals(p.targets(), q.targets())
                    || !java.util.Arrays.equals(p.classes(), q.classes())
                    || !java.util.Arrays.equals(p.lossMask(), q.lossMask())) {
                return false;
            }
        }
        return true;
    }
}

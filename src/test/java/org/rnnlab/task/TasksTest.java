package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.task.registry.Tasks;

class TasksTest {
    @Test
    void listsEveryTask() {
        assertThat(Tasks.ids()).containsExactly("adding", "order", "copy", "sine", "airline", "csv", "sentiment",
                "text", "numbers", "speech", "model-input");
        assertThat(Tasks.infos()).extracting(TaskInfo::id).isEqualTo(Tasks.ids());
        assertThat(Tasks.info("csv").needsFile()).isTrue();
        assertThat(Tasks.info("sine").variants()).containsExactly("many-to-many", "many-to-one");
        assertThat(Tasks.info("sentiment").variants()).containsExactly("both", "real", "grammar");
    }

    @Test
    void infoMatchesTheBuiltTask() {
        for (TaskInfo info : Tasks.infos()) {
            if (info.needsFile()) {
                continue;
            }
            Task t = Tasks.create(info.id(), TaskOptions.defaults());
            assertThat(t.sequenceLength()).as(info.id()).isEqualTo(info.defaultLength());
            assertThat(t.pattern()).as(info.id()).isEqualTo(info.pattern());
            assertThat(t.title()).as(info.id()).startsWith(info.title().substring(0, 10));
        }
    }

    @Test
    void unknownIdListsTheValidOnes() {
        assertThatThrownBy(() -> Tasks.create("foo", TaskOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task 'foo' is not one of adding, order, copy, sine, airline, csv, sentiment, text, numbers, "
                        + "speech, model-input");
        assertThatThrownBy(() -> Tasks.create("speech", TaskOptions.defaults().withVariant("wavelet")))
                .hasMessageStartingWith("variant 'wavelet' for speech is not one of logmel, mfcc");
    }

    @Test
    void idsAreCaseInsensitive() {
        assertThat(Tasks.create(" Adding ", null).id()).isEqualTo("adding");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "adding|1|sequence length T for adding must be in 2..1000, was 1",
        "adding|1001|sequence length T for adding must be in 2..1000, was 1001",
        "order|7|sequence length T for order must be in 8..1000, was 7",
        "sine|1|sequence length T for sine must be in 2..1000, was 1",
        "copy|11|sequence length T for copy must be in 12..1011, was 11",
        "airline|97|window length T for airline must be in 1..96, was 97",
        "sentiment|3|longest sentence T for sentiment must be in 4..100, was 3",
        "text|1|sequence length T for text must be in 2..1000, was 1",
        "numbers|5|sequence length for numbers is fixed (4 words in, 4 symbols out); it must be 0, was 5"})
    void outOfRangeLengthsNameTheParameterValueAndRange(String id, int length, String message) {
        assertThatThrownBy(() -> Tasks.create(id, TaskOptions.defaults().withLength(length)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void badLagsAndVariantsAreNamed() {
        assertThatThrownBy(() -> Tasks.create("copy", TaskOptions.defaults().withLag(1001)))
                .hasMessage("lag for copy must be in 1..1000, was 1001");
        assertThatThrownBy(() -> Tasks.create("copy", TaskOptions.defaults().withLag(3).withLength(20)))
                .hasMessage("sequence length 20 and lag 3 disagree for copy: T = 2·5 + lag + 1 = 14");
        assertThatThrownBy(() -> Tasks.create("sine", TaskOptions.defaults().withVariant("sideways")))
                .hasMessage("variant 'sideways' for sine is not one of many-to-many, many-to-one");
        assertThatThrownBy(() -> Tasks.create("sentiment", TaskOptions.defaults().withVariant("fake")))
                .hasMessage("variant 'fake' for sentiment is not one of both, real, grammar");
        assertThatThrownBy(() -> Tasks.create("adding", TaskOptions.defaults().withVariant("x")))
                .hasMessage("variant 'x' for adding is not one of (none: adding has no variants)");
        assertThatThrownBy(() -> TaskOptions.defaults().withLength(-1))
                .hasMessage("sequence length must be 0 (the task's default) or more, was -1");
        assertThatThrownBy(() -> TaskOptions.defaults().withLag(-2))
                .hasMessage("lag must be 0 (the task's default) or more, was -2");
        assertThatThrownBy(() -> Tasks.create("csv", TaskOptions.defaults()))
                .hasMessage("no CSV file given (--file PATH)");
    }

    @Test
    void copyLengthAndLagAgree() {
        CopyTask byLag = (CopyTask) Tasks.create("copy", TaskOptions.defaults().withLag(7));
        CopyTask byLength = (CopyTask) Tasks.create("copy", TaskOptions.defaults().withLength(18));
        assertThat(byLag.sequenceLength()).isEqualTo(18);
        assertThat(byLength.lag()).isEqualTo(7);
        assertThat(Tasks.create("copy", TaskOptions.defaults().withLag(7).withLength(18)).sequenceLength()).isEqualTo(18);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adding", "order", "copy", "sine", "numbers"})
    void aDifferentSeedGivesADifferentTestSet(String id) {
        Task a = Tasks.create(id, TaskOptions.defaults().withSeed(1));
        Task b = Tasks.create(id, TaskOptions.defaults().withSeed(2));
        assertThat(TaskContractTest.sameBatches(a.testBatches(1000).get(0), b.testBatches(1000).get(0))).isFalse();
    }

    @Test
    void theGeneratedSentencesFollowTheSeedTheRealOnesDoNot() {
        List<SentimentTask.Sentence> g1 = ((SentimentTask) Tasks.create("sentiment",
                TaskOptions.defaults().withVariant("grammar").withSeed(1))).testSentences();
        List<SentimentTask.Sentence> g2 = ((SentimentTask) Tasks.create("sentiment",
                TaskOptions.defaults().withVariant("grammar").withSeed(2))).testSentences();
        assertThat(g1).isNotEqualTo(g2);
        List<SentimentTask.Sentence> r1 = ((SentimentTask) Tasks.create("sentiment",
                TaskOptions.defaults().withVariant("real").withSeed(1))).testSentences();
        List<SentimentTask.Sentence> r2 = ((SentimentTask) Tasks.create("sentiment",
                TaskOptions.defaults().withVariant("real").withSeed(2))).testSentences();
        assertThat(r1).isEqualTo(r2);
    }

    @Test
    void theTestSeedStreamDiffersFromATrainerSeededTheSameWay() {
        AddingTask t = new AddingTask(TaskOptions.defaults().withSeed(3).withLength(20));
        TaskBatch test = t.testBatches(16).get(0);
        TaskBatch train = t.trainBatch(16, new java.util.SplittableRandom(3));
        assertThat(TaskContractTest.sameBatches(test, train)).isFalse();
    }
}

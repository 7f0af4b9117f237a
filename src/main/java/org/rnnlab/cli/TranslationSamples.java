package org.rnnlab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import org.rnnlab.engine.Model;
import org.rnnlab.engine.Seq2SeqBatch;
import org.rnnlab.task.NumberWords;
import org.rnnlab.task.NumbersTask;
import org.rnnlab.task.Predictions;
import org.rnnlab.training.Evaluator;
import org.rnnlab.training.ModelFactory;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Trainer;

/**
 * While {@code train --task numbers} runs: at the start, every {@code every} iterations and at the
 * end, the first test numbers translated by greedy decoding ("three hundred twelve → 312 ✓"), so
 * the translations are seen to improve. Decoded by a copy of the model, so the run is not touched.
 */
final class TranslationSamples extends PeriodicSamples {
    static final int COUNT = 4;

    private final PrintWriter err;
    private final NumbersTask task;
    private final Model copy;
    private final int[] numbers;

    TranslationSamples(PrintWriter err, NumbersTask task, SimulationSettings settings, long every) {
        super(every);
        this.err = err;
        this.task = task;
        this.copy = ModelFactory.model(settings, task);
        int[] test = task.testNumbers();
        this.numbers = Arrays.copyOf(test, Math.min(COUNT, test.length));
    }

    @Override
    void show(Trainer trainer, long iteration) {
        Evaluator.copyWeights(trainer.model(), copy);
        Seq2SeqBatch batch = NumbersTask.batch(numbers);
        copy.forwardLoss(batch);
        Predictions p = Evaluator.predictions(copy, task);
        StringBuilder line = new StringBuilder();
        for (int b = 0; b < numbers.length; b++) {
            StringBuilder digits = new StringBuilder();
            for (int k : p.decode(b, NumbersTask.TARGET_STEPS + 1)) {
                digits.append(task.classLabel(k));
            }
            boolean right = digits.toString().equals(Integer.toString(numbers[b]));
            line.append(b == 0 ? "" : "; ").append(NumberWords.toWords(numbers[b])).append(" → ")
                    .append(digits.length() == 0 ? "(nothing)" : digits).append(right ? " ✓" : " ✗");
        }
        err.printf(Locale.ROOT, "  translations at iter %d: %s%n", iteration, line);
        err.flush();
    }
}

package org.rnnlab.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/** Small helpers the tasks share: range checks, seeded streams, scoring loops, resources. */
final class TaskSupport {
    private TaskSupport() {}

    /** The generator a task's fixed test set is drawn from: a stream of its own, apart from training. */
    static SplittableRandom testRandom(long seed, String taskId) {
        long salt = 0x7E57_5E7L;
        for (int i = 0; i < taskId.length(); i++) {
            salt = salt * 31 + taskId.charAt(i);
        }
        return new SplittableRandom(seed ^ (salt * 0x9E37_79B9_7F4A_7C15L));
    }

    static int checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    static void checkBatchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
    }

    /** Sizes of the batches a test set of n items is cut into. */
    static List<int[]> ranges(int n, int batchSize) {
        checkBatchSize(batchSize);
        List<int[]> r = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            r.add(new int[] {from, Math.min(n, from + batchSize)});
        }
        return r;
    }

    static SequenceBatch sequences(TaskBatch batch) {
        if (batch instanceof SequenceBatch s) {
            return s;
        }
        throw new IllegalArgumentException("this task scores plain sequence batches, not " + batch.getClass().getSimpleName());
    }

    /** Mean squared error over the masked ticks (averaged over outputs), as the MSE loss has it. */
    static void scoreMse(SequenceBatch sb, Predictions p, MetricAccumulator acc) {
        int y = sb.outputSize();
        for (int t = 0; t < sb.steps(); t++) {
            for (int b = 0; b < sb.batch(); b++) {
                int i = sb.index(t, b);
                if (sb.lossMask()[i] == 0) {
                    continue;
                }
                double se = 0;
                for (int k = 0; k < y; k++) {
                    double d = p.output(t, b, k) - sb.targets()[i * y + k];
                    se += d * d;
                }
                acc.add(se / y, 1);
            }
        }
    }

    /** Fraction of masked ticks whose largest output is the target class. */
    static void scoreAccuracy(SequenceBatch sb, Predictions p, MetricAccumulator acc) {
        for (int t = 0; t < sb.steps(); t++) {
            for (int b = 0; b < sb.batch(); b++) {
                int i = sb.index(t, b);
                if (sb.lossMask()[i] == 0) {
                    continue;
                }
                acc.add(p.argmax(t, b) == sb.classes()[i] ? 1.0 : 0.0, 1);
            }
        }
    }

    static void oneHot(double[] inputs, int row, int width, int k) {
        inputs[row * width + k] = 1.0;
    }

    /** A bundled text resource under org/rnnlab/task/, read whole as UTF-8. */
    static String resource(String path) {
        String full = "/org/rnnlab/task/" + path;
        try (InputStream in = TaskSupport.class.getResourceAsStream(full)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + full + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + full, e);
        }
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    static String percent(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * v);
    }
}

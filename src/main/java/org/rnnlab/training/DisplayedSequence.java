package org.rnnlab.training;

import java.util.Arrays;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.Seq2SeqBatch;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SteppableModel;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.engine.Unroll;
import org.rnnlab.task.Task;

/**
 * The sequence b of the batch that every view follows: which one, and its inputs, targets, loss
 * mask and initial state, copied out of the loaded batch once per batch (or per choice of b).
 */
final class DisplayedSequence {
    private int row;
    private Snapshot.Sequence shown;

    int row() {
        return row;
    }

    /** The copied sequence, as snapshots hold it (immutable once made). */
    Snapshot.Sequence shown() {
        return shown;
    }

    /** A new batch is loaded: copy the same b (or the last row, if the batch is smaller). */
    void load(SteppableModel model, Task task, TaskBatch batch) {
        row = Math.min(row, batch.batch() - 1);
        shown = read(model, task, batch, row);
    }

    /** Follows sequence {@code b}; the batch stays. */
    void select(int b, SteppableModel model, Task task, TaskBatch batch) {
        if (b < 0 || b >= batch.batch()) {
            throw new IllegalArgumentException("sequence must be in 0.." + (batch.batch() - 1) + ", was " + b);
        }
        row = b;
        shown = read(model, task, batch, row);
    }

    /** The batch that holds the targets: the batch itself, or an encoder-decoder's target side. */
    static SequenceBatch outputBatch(TaskBatch batch) {
        return batch instanceof Seq2SeqBatch sb ? sb.target() : (SequenceBatch) batch;
    }

    private static Snapshot.Sequence read(SteppableModel model, Task task, TaskBatch batch, int row) {
        int steps = model.ticks();
        Unroll u0 = model.unrollAt(0);
        int hid = u0.hiddenSize();
        double[] initialH = new double[hid];
        double[] initialC = u0.hasCellState() ? new double[hid] : null;
        for (int j = 0; j < hid; j++) {
            initialH[j] = u0.h(-1, row, j);
            if (initialC != null) {
                initialC[j] = u0.c(-1, row, j);
            }
        }
        SequenceBatch out = outputBatch(batch);
        String[] classLabels = null;
        if (out.isClassification()) {
            classLabels = new String[out.outputSize()];
            for (int k = 0; k < classLabels.length; k++) {
                classLabels[k] = task.classLabel(k);
            }
        }
        int x = u0.inputSize();
        int y = out.outputSize();
        double[][] inputs = new double[steps][x];
        double[] mask = new double[steps];
        double[][] targets = out.isClassification() ? null : new double[steps][y];
        int[] classes = out.isClassification() ? new int[steps] : null;
        int[] time = new int[steps];
        for (int t = 0; t < steps; t++) {
            // every tick of a stack shows the task's input at its time t (layer 0's), not the layer below's output
            DeepSequenceModel deep = model instanceof DeepSequenceModel d ? d : null;
            Unroll u = deep == null ? model.unrollAt(t) : u0;
            int local = deep == null ? model.localTick(t) : deep.timeOf(t);
            time[t] = deep == null ? t : local;
            for (int i = 0; i < x; i++) {
                inputs[t][i] = u.x(local, row, i);
            }
            if (!model.hasOutput(t)) {
                if (targets != null) {
                    Arrays.fill(targets[t], Double.NaN);
                } else {
                    classes[t] = -1;
                }
                continue;
            }
            int idx = out.index(model.readoutTick(t), row);
            mask[t] = out.lossMask()[idx];
            if (targets != null) {
                System.arraycopy(out.targets(), idx * y, targets[t], 0, y);
            } else {
                classes[t] = out.classes()[idx];
            }
        }
        org.rnnlab.task.SequenceView view = task.view(batch, row, null);
        String[] inputLabels = symbols(view, batch, inputs, time);
        return new Snapshot.Sequence(batch.batch(), row, inputs, inputLabels, targets, classes, classLabels, mask,
                initialH, initialC, inputLabels == null ? null : readAs(view, time));
    }

    /**
     * The symbol of each tick (a word, a character), or null when the input is numbers: a dense
     * vector (spectrogram frames, value and marker) is drawn as numbers, not as its printed form.
     * Tick k reads the task's tick {@code time[k]} (a stack's every layer and direction reads time t's input).
     */
    private static String[] symbols(org.rnnlab.task.SequenceView view, TaskBatch batch, double[][] inputs, int[] time) {
        boolean tokens = batch instanceof Seq2SeqBatch sb ? sb.source().usesTokens() || sb.target().usesTokens()
                : ((SequenceBatch) batch).usesTokens();
        String[] out = null;
        for (int k = 0; k < inputs.length; k++) {
            if (time[k] >= view.ticks().size()) {
                continue;
            }
            var tv = view.ticks().get(time[k]);
            if (Double.isNaN(tv.inputValue()) && !tv.input().isEmpty() && (tokens || oneHot(inputs[k]))) {
                if (out == null) {
                    out = new String[inputs.length];
                }
                out[k] = tv.input();
            }
        }
        return out;
    }

    /** What tick k's input was read as where that is not its label ({@code TickView.readAs}), or null if none. */
    private static String[] readAs(org.rnnlab.task.SequenceView view, int[] time) {
        String[] out = null;
        for (int k = 0; k < time.length; k++) {
            if (time[k] < view.ticks().size() && !view.ticks().get(time[k]).readAs().isEmpty()) {
                if (out == null) {
                    out = new String[time.length];
                }
                out[k] = view.ticks().get(time[k]).readAs();
            }
        }
        return out;
    }

    private static boolean oneHot(double[] x) {
        int ones = 0;
        for (double v : x) {
            if (v == 1.0) {
                ones++;
            } else if (v != 0.0) {
                return false;
            }
        }
        return ones == 1;
    }
}

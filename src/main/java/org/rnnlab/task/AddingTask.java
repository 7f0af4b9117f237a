package org.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.TaskBatch;

/**
 * The adding problem (Hochreiter &amp; Schmidhuber 1997, "Long Short-Term Memory", experiment 4),
 * in the form of Le, Jaitly &amp; Hinton 2015 ("A Simple Way to Initialize Recurrent Networks of
 * Rectified Linear Units") and Arjovsky, Shah &amp; Bengio 2016 ("Unitary Evolution Recurrent
 * Neural Networks").
 *
 * <p>Each tick t carries two inputs: a value v_t ~ U(0, 1) and a marker m_t ∈ {0, 1}. Exactly
 * two ticks are marked: the first uniformly in [0, ⌊T/2⌋), the second uniformly in [⌊T/2⌋, T)
 * (one in each half, as in Le et al.). The target, read at the last tick only (many-to-one), is
 * y = Σ_t m_t v_t, the sum of the two marked values. Loss and metric: mean squared error.
 *
 * <p>Baselines: always answering 1.0 (the mean of y) gives MSE = Var(v_1 + v_2) = 2/12 ≈ 0.167;
 * a network that finds only one marked value and adds 0.5 gets 1/12 ≈ 0.083. Solved: test MSE
 * ≤ 0.01, i.e. below 6 % of the constant guess and 12 % of the one-marker answer, so only a
 * network that carries both marked values to the end can reach it. (Hochreiter &amp;
 * Schmidhuber's own criterion was an absolute error below 0.04 on every one of 2000 recent
 * sequences, with targets scaled to [0, 1]; on this task's [0, 2] scale that is 0.08, which an
 * MSE of 0.01, an RMS error of 0.1, does not guarantee per sequence. The threshold is this
 * project's choice, stated, not a paper's.)
 */
public final class AddingTask extends GeneratedTask {
    public static final String ID = "adding";
    public static final int DEFAULT_LENGTH = 50;
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 1000;
    public static final int TEST_SIZE = 1000;
    public static final double SOLVED_MSE = 0.01;

    private final double constantGuessMse;
    private final double oneMarkerMse;

    public AddingTask(TaskOptions options) {
        super(TaskSupport.checkRange("sequence length T for adding", options.lengthOr(DEFAULT_LENGTH),
                MIN_LENGTH, MAX_LENGTH),
                options.seed(), TEST_SIZE);
        double c = 0;
        double one = 0;
        for (TaskBatch tb : testBatches(256)) {
            SequenceBatch sb = (SequenceBatch) tb;
            for (int b = 0; b < sb.batch(); b++) {
                double target = sb.targets()[sb.index(steps - 1, b)];
                c += (target - 1.0) * (target - 1.0);
                double first = firstMarkedValue(sb, b);
                one += (target - first - 0.5) * (target - first - 0.5);
            }
        }
        this.constantGuessMse = c / TEST_SIZE;
        this.oneMarkerMse = one / TEST_SIZE;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Adding problem (Hochreiter & Schmidhuber 1997)";
    }

    @Override
    public String description() {
        return "Each tick brings a random value and a marker; two ticks are marked, one in each half. "
                + "At the end the network must output the sum of the two marked values, so it has to "
                + "remember a value across up to " + (steps - 1) + " ticks.";
    }

    @Override
    public IoPattern pattern() {
        return IoPattern.MANY_TO_ONE;
    }

    @Override
    public int inputSize() {
        return 2;
    }

    @Override
    public int vocabulary() {
        return 0;
    }

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public LossKind loss() {
        return LossKind.MSE;
    }

    /** Fills B sequences, each drawing T values then its two positions from {@code rng}. */
    @Override
    protected SequenceBatch generate(int batch, SplittableRandom rng) {
        int tb = steps * batch;
        double[] x = new double[tb * 2];
        double[] y = new double[tb];
        int half = steps / 2;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                x[(t * batch + b) * 2] = rng.nextDouble();
            }
            int first = rng.nextInt(half);
            int second = half + rng.nextInt(steps - half);
            x[(first * batch + b) * 2 + 1] = 1.0;
            x[(second * batch + b) * 2 + 1] = 1.0;
            y[(steps - 1) * batch + b] = x[(first * batch + b) * 2] + x[(second * batch + b) * 2];
        }
        return new SequenceBatch(steps, batch, 2, x, null, 1, y, null, LossPlacement.LAST.mask(steps, batch));
    }

    private double firstMarkedValue(SequenceBatch sb, int b) {
        for (int t = 0; t < steps; t++) {
            int i = sb.index(t, b);
            if (sb.inputs()[i * 2 + 1] == 1.0) {
                return sb.inputs()[i * 2];
            }
        }
        throw new IllegalStateException("no marker in sequence " + b);
    }

    @Override
    public Metric metric() {
        return new Metric("MSE", false, SOLVED_MSE);
    }

    @Override
    public void score(TaskBatch batch, Predictions predictions, MetricAccumulator acc) {
        TaskSupport.scoreMse(TaskSupport.sequences(batch), predictions, acc);
    }

    /** The MSE of always answering 1.0 on this test set (1/6 in expectation). */
    public double constantGuessMse() {
        return constantGuessMse;
    }

    /** The MSE of answering the first marked value + 0.5 on this test set (1/12 in expectation). */
    public double oneMarkerMse() {
        return oneMarkerMse;
    }

    @Override
    public String baseline() {
        return "constant guess 1.0: MSE " + TaskSupport.fmt(constantGuessMse) + " on this test set (1/6 ≈ 0.167 "
                + "in expectation); first marked value + 0.5: MSE " + TaskSupport.fmt(oneMarkerMse) + " (1/12 ≈ 0.083)";
    }

    @Override
    public String solvedReason() {
        return "test MSE ≤ 0.01: 6 % of the constant guess and 12 % of the one-marker answer, so both marked "
                + "values must reach the end (a threshold chosen here; Hochreiter & Schmidhuber 1997 asked for "
                + "an absolute error below 0.04 on a [0, 1] target scale)";
    }

    @Override
    public SequenceView view(TaskBatch batch, int b, Predictions p) {
        SequenceBatch sb = TaskSupport.sequences(batch);
        SequenceView plain = Views.sequence(this, sb, b, p, v -> v, "%.3f");
        List<TickView> ticks = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            TickView v = plain.tick(t);
            int i = sb.index(t, b);
            double value = sb.inputs()[i * 2];
            boolean marked = sb.inputs()[i * 2 + 1] == 1.0;
            String in = Views.fmt("%.3f", value) + (marked ? " *" : "");
            boolean last = t == steps - 1;
            // the readout's output at every tick shows the running estimate; only the last is scored
            ticks.add(new TickView(in, last ? v.target() : "", v.prediction(), v.scored(), value,
                    last ? v.targetValue() : Double.NaN, v.predictionValue()));
        }
        return new SequenceView(ticks, 0, true);
    }
}

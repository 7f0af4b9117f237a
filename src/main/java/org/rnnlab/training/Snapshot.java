package org.rnnlab.training;

import java.util.List;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.ClipReport;
import org.rnnlab.engine.Divergence;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.Metric;

/**
 * An immutable picture of the simulation that the views read on the FX thread. The engine thread
 * builds one whenever something changed and publishes it; nothing here is ever modified after
 * publication, and the views never compute what the engine knows.
 *
 * <p>Five parts: the {@link Run} (what one simulation keeps from its start, its history included),
 * the {@link Position} of the cursor in the iteration, the displayed {@link Sequence}, the
 * {@link Columns} visible at the cursor, and the {@link Status} of the latest results.
 *
 * @param version  increases with every published snapshot of one run
 * @param run      the run: its identity, model, task and history
 * @param position where the cursor is in the current iteration
 * @param sequence the sequence b of the batch that every view follows
 * @param columns  the per-tick values visible at the cursor
 * @param status   loss, clipping, divergence, progress, test metric
 */
public record Snapshot(long version, Run run, Position position, Sequence sequence, Columns columns, Status status) {

    /**
     * What stays the same for one simulation from its start, and the history it has made. A new
     * simulation (reset, another task, a lesson, an opened session) is a new run with a new
     * {@code id}: nothing of the previous run's history is in it.
     *
     * @param id             the run's identity, different for every simulation built in this JVM
     * @param settings       the settings the model was built from
     * @param cell           the cell config (gate specs for labels come from here)
     * @param taskTitle      the task's title
     * @param pattern        the task's I/O pattern
     * @param placement      where the loss enters
     * @param loss           the loss the task is trained with
     * @param parameterCount trainable parameters
     * @param encoderTicks   how many leading ticks are an encoder's (0 unless encoder-decoder); the
     *                       decoder starts from the encoder's final state at tick {@code encoderTicks}
     * @param metric         the task's metric (name, whether it is a fraction, its chance level)
     * @param baseline       the task's main baseline as a value of the metric, NaN when it has none
     * @param history        this run's iteration records (bounded), for the curves and the status line
     * @param model          the model named Keras-style ("Bidirectional(LSTM 16) → LSTM 16 → Dense")
     * @param tickNames      where each tick of a stacked or bidirectional model is ("Layer 2 ← t=7"),
     *                       null for one layer in one direction
     * @param places         the layer, direction and time of each tick of a stacked or bidirectional
     *                       model, null for one layer in one direction
     */
    public record Run(long id, SimulationSettings settings, CellConfig cell, String taskTitle, IoPattern pattern,
                      LossPlacement placement, LossKind loss, int parameterCount, int encoderTicks, Metric metric,
                      double baseline, IterationHistory history, String model, List<String> tickNames,
                      TickPlaces places) {
        /** A run without tick places (one layer in one direction, or a copy that needs none). */
        public Run(long id, SimulationSettings settings, CellConfig cell, String taskTitle, IoPattern pattern,
                   LossPlacement placement, LossKind loss, int parameterCount, int encoderTicks, Metric metric,
                   double baseline, IterationHistory history, String model, List<String> tickNames) {
            this(id, settings, cell, taskTitle, pattern, placement, loss, parameterCount, encoderTicks, metric, baseline,
                    history, model, tickNames, null);
        }

        /** The metric's name, or null when the run has no metric. */
        public String metricName() {
            return metric == null ? null : metric.name();
        }

        public List<GateSpec> gates() {
            return cell.gates();
        }
    }

    /**
     * The cursor in the iteration (see {@link IterationCursor} for the position algebra).
     *
     * @param iteration 1-based iteration being stepped
     * @param steps     T, ticks of the current batch
     * @param phase     at the cursor
     * @param tick      the tick at the cursor (−1 for READY, LOSS and UPDATE)
     * @param cursor    position shown, −1 (ready) to 2T+1 (update)
     * @param frontier  positions computed in this iteration
     */
    public record Position(long iteration, int steps, Phase phase, int tick, int cursor, int frontier) {
        /**
         * "Forward t=7/20", "Loss", "Backward t=12", "Update", "Ready". People see ticks numbered
         * 1..T as textbooks do (x_1..x_T, h_0 the initial state); the engine's tick index is t − 1.
         */
        public String phaseText() {
            return switch (phase) {
                case READY -> "Ready";
                case FORWARD -> "Forward t=" + (tick + 1) + "/" + steps;
                case LOSS -> "Loss";
                case BACKWARD -> "Backward t=" + (tick + 1);
                case UPDATE -> "Update";
            };
        }
    }

    /**
     * The displayed sequence b of the batch: known before any tick runs.
     *
     * @param batchSize   B
     * @param row         the displayed sequence b
     * @param inputs      [T][X] (embedding rows for token tasks: see inputLabels)
     * @param inputLabels [T] readable input symbols for token/one-hot tasks, or null
     * @param targets     [T][Y] regression targets, or null
     * @param classes     [T] class targets (−1 where no output), or null
     * @param classLabels readable class names, or null
     * @param lossMask    [T] 1 where the loss applies
     * @param initialH    h_0 [H]
     * @param initialC    c_0 [H], or null without a cell state
     * @param inputReadAs [T] what the network read where it is not inputLabels (a dropped word's
     *                    "&lt;unk&gt;", {@link org.rnnlab.task.TickView#readAs()}), null where the same;
     *                    null when every tick reads as labelled
     */
    public record Sequence(int batchSize, int row, double[][] inputs, String[] inputLabels, double[][] targets,
                           int[] classes, String[] classLabels, double[] lossMask, double[] initialH,
                           double[] initialC, String[] inputReadAs) {

        /** A sequence whose every input reads as labelled. */
        public Sequence(int batchSize, int row, double[][] inputs, String[] inputLabels, double[][] targets,
                        int[] classes, String[] classLabels, double[] lossMask, double[] initialH, double[] initialC) {
            this(batchSize, row, inputs, inputLabels, targets, classes, classLabels, lossMask, initialH, initialC, null);
        }

        /** Whether tick t's input was read as something else than its label (a dropped word). */
        public boolean readOtherwise(int t) {
            return inputReadAs != null && inputReadAs[t] != null;
        }
    }

    /**
     * The per-tick values visible at the cursor: {@code forward[t]} is non-null for ticks whose
     * forward values are visible, {@code backward[t]} likewise for backward ticks (filled from
     * T−1 down).
     *
     * @param forward  [T]
     * @param backward [T]
     */
    public record Columns(ForwardColumn[] forward, BackwardColumn[] backward) {
    }

    /**
     * The latest results.
     *
     * @param loss       the batch loss, NaN before the LOSS phase is reached
     * @param lastClip   clipping report of the last update, shown at the update, or null
     * @param divergence where this iteration went non-finite, or null
     * @param progress   training in progress: iterations done of total, or null
     * @param lastMetric latest test metric, NaN if not evaluated yet in this run
     * @param generated  text generated by the model at its latest test evaluation (text task), or null
     * @param sequenceLoss the followed sequence's own loss, NaN before the LOSS phase is reached
     * @param update     what the update did to each unit's own weights, shown at the update, or null
     */
    public record Status(double loss, ClipReport lastClip, Divergence divergence, Progress progress, double lastMetric,
                         GeneratedText generated, double sequenceLoss, UpdateColumn update) {
    }

    /** A sample generated by the model: {@code text} after {@code iteration} iterations, at temperature τ. */
    public record GeneratedText(long iteration, double temperature, String text) {
    }

    /** Training at full speed: {@code done} of {@code total} iterations. */
    public record Progress(long done, long total) {
        public double fraction() {
            return total == 0 ? 1.0 : (double) done / total;
        }
    }

    /** The phase text of the position ("Backward t=12"): see {@link Position#phaseText()}. */
    public String phaseText() {
        List<String> names = run.tickNames();
        int t = position.tick();
        if (names != null && t >= 0 && t < names.size()
                && (position.phase() == Phase.FORWARD || position.phase() == Phase.BACKWARD)) {
            return position.phase().label() + "  " + names.get(t);
        }
        return position.phaseText();
    }
}

package org.rnnlab.training;

import java.util.List;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.ClipReport;
import org.rnnlab.engine.Divergence;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.task.IoPattern;

/**
 * An immutable picture of the simulation that the views read on the FX thread. The engine thread
 * builds one whenever something changed and publishes it; nothing here is ever modified after
 * publication, and the views never compute what the engine knows.
 *
 * <p>{@code forward[t]} is non-null for ticks whose forward values are visible at the cursor;
 * {@code backward[t]} likewise for backward ticks (filled from T−1 down). The input, target and
 * mask of the displayed sequence are known before any tick runs.
 *
 * @param version        increases with every published snapshot
 * @param settings       the settings the model was built from
 * @param cell           the cell config (gate specs for labels come from here)
 * @param taskTitle      the task's title
 * @param pattern        the task's I/O pattern
 * @param placement      where the loss enters
 * @param steps          T
 * @param batchSize      B
 * @param row            the displayed sequence b
 * @param iteration      1-based iteration being stepped
 * @param phase          at the cursor
 * @param tick           the tick at the cursor (−1 for READY, LOSS and UPDATE)
 * @param cursor         position shown, −1 (ready) to 2T+1 (update)
 * @param frontier       positions computed in this iteration
 * @param forward        [T]
 * @param backward       [T]
 * @param inputs         [T][X] of the displayed sequence (embedding rows for token tasks: see inputLabels)
 * @param inputLabels    [T] readable input symbols for token/one-hot tasks, or null
 * @param targets        [T][Y] regression targets of the displayed sequence, or null
 * @param classes        [T] class targets, or null
 * @param classLabels    readable class names, or null
 * @param lossMask       [T] 1 where the loss applies
 * @param loss           the batch loss, NaN before the LOSS phase is reached
 * @param lastClip       clipping report of the last update, or null
 * @param divergence     where this iteration went non-finite, or null
 * @param parameterCount trainable parameters
 * @param progress       training in progress: iterations done of total, or null
 * @param lastMetric     latest test metric, NaN if not evaluated yet
 * @param metricName     the task's metric name
 * @param initialH       h_0 of the displayed sequence [H]
 * @param initialC       c_0 of the displayed sequence [H], or null without a cell state
 * @param encoderTicks   how many leading ticks are an encoder's (0 unless encoder-decoder); the
 *                       decoder starts from the encoder's final state at tick {@code encoderTicks}
 */
public record Snapshot(long version, SimulationSettings settings, CellConfig cell, String taskTitle, IoPattern pattern,
                       LossPlacement placement, int steps, int batchSize, int row, long iteration, Phase phase, int tick,
                       int cursor, int frontier, ForwardColumn[] forward, BackwardColumn[] backward, double[][] inputs,
                       String[] inputLabels, double[][] targets, int[] classes, String[] classLabels, double[] lossMask,
                       double loss, ClipReport lastClip, Divergence divergence, int parameterCount, Progress progress,
                       double lastMetric, String metricName, double[] initialH, double[] initialC,
                       int encoderTicks) {

    /** Training at full speed: {@code done} of {@code total} iterations. */
    public record Progress(long done, long total) {
        public double fraction() {
            return total == 0 ? 1.0 : (double) done / total;
        }
    }

    public List<GateSpec> gates() {
        return cell.gates();
    }

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

package org.rnnlab.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.Simulation;

/**
 * Writes every per-tick value of a simulation's current iteration as CSV, one row per tick,
 * sequence and unit: each gate's pre-activation and activation, h and c, the total gradients
 * dL/dh and dL/dc (empty until that backward tick has run), the batch gradient norms, and the
 * inputs. Numbers are written in their shortest exact form, so the file holds the engine's
 * numbers bit for bit. For an encoder-decoder the encoder's ticks come first. A stacked or
 * bidirectional model's rows also say where each tick is ({@code layer}, {@code direction} forward
 * or reverse, the time {@code t}), and its x columns are the widest layer's input (a narrower
 * layer leaves the rest empty). Runs on the engine thread (it reads the model's buffers).
 */
public final class TickCsvWriter {
    private TickCsvWriter() {}

    public static void write(Simulation sim, Path out) throws IOException {
        AtomicFiles.write(out, os -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            write(sim, w);
            w.flush();
        });
    }

    static void write(Simulation sim, BufferedWriter w) throws IOException {
        var model = sim.model();
        List<GateSpec> gates = model.cellAt(0).config().gates();
        Unroll first = model.unrollAt(0);
        int steps = sim.steps();
        int batch = first.batch();
        int hidden = first.hiddenSize();
        DeepSequenceModel deep = model instanceof DeepSequenceModel d ? d : null;
        int x = first.inputSize();
        for (int tick = 0; deep != null && tick < steps; tick++) {
            x = Math.max(x, model.unrollAt(tick).inputSize());
        }
        boolean hasC = first.hasCellState();
        int computedForward = Math.min(sim.frontier(), steps);
        int backwardDone = Math.max(0, sim.frontier() - steps - 1);
        int firstBackwardTick = steps - Math.min(backwardDone, steps);

        StringBuilder head = new StringBuilder(deep == null ? "iteration,tick,sequence,unit"
                : "iteration,tick,layer,direction,t,sequence,unit");
        for (GateSpec g : gates) {
            head.append(',').append(g.name()).append("_pre,").append(g.name());
        }
        head.append(",h");
        if (hasC) {
            head.append(",c");
        }
        head.append(",dL_dh");
        if (hasC) {
            head.append(",dL_dc");
        }
        head.append(",dh_norm");
        if (hasC) {
            head.append(",dc_norm");
        }
        for (int i = 0; i < x; i++) {
            head.append(",x").append(i);
        }
        w.write(head.toString());
        w.newLine();
        StringBuilder row = new StringBuilder();
        for (int tick = 0; tick < computedForward; tick++) {
            boolean back = tick >= firstBackwardTick && backwardDone > 0;
            RecurrentCell cell = model.cellAt(tick);
            Unroll u = model.unrollAt(tick);
            int t = model.localTick(tick);
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < hidden; j++) {
                    row.setLength(0);
                    row.append(sim.iteration()).append(',').append(tick).append(',');
                    if (deep != null) {
                        row.append(deep.layerOf(tick)).append(',').append(deep.directionOf(tick) == 0 ? "forward" : "reverse")
                                .append(',').append(deep.timeOf(tick)).append(',');
                    }
                    row.append(b).append(',').append(j);
                    for (int g = 0; g < gates.size(); g++) {
                        row.append(',').append(cell.preActivation(u, t, g, b, j)).append(',').append(u.gate(t, g, b, j));
                    }
                    row.append(',').append(u.h(t, b, j));
                    if (hasC) {
                        row.append(',').append(u.c(t, b, j));
                    }
                    row.append(',');
                    if (back) {
                        row.append(u.dh(t, b, j));
                    }
                    if (hasC) {
                        row.append(',');
                        if (back) {
                            row.append(u.dc(t, b, j));
                        }
                    }
                    row.append(',');
                    if (back) {
                        row.append(u.dhNorm(t));
                    }
                    if (hasC) {
                        row.append(',');
                        if (back) {
                            row.append(u.dcNorm(t));
                        }
                    }
                    for (int i = 0; i < x; i++) {
                        row.append(',');
                        if (i < u.inputSize()) {
                            row.append(u.x(t, b, i));
                        }
                    }
                    w.write(row.toString());
                    w.newLine();
                }
            }
        }
    }
}

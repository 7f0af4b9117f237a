package org.rnnlab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TaskFactory;

/**
 * A host that runs the lesson on real {@link Simulation}s, synchronously, so a test can walk a
 * lesson with the player and check what the class would see at each step. Compare mode is one
 * simulation per cell, stepped in lockstep.
 */
final class SimulationHost implements LessonHost {
    private final TaskFactory tasks;
    private final Map<CellKind, Simulation> sims = new LinkedHashMap<>();
    final List<String> viewCalls = new ArrayList<>();

    SimulationHost(TaskFactory tasks) {
        this.tasks = tasks;
    }

    /** The single run (outside compare mode). */
    Simulation sim() {
        if (sims.size() != 1) {
            throw new IllegalStateException("in compare mode: " + sims.keySet());
        }
        return sims.values().iterator().next();
    }

    /** True while the lesson runs compare mode (one simulation per cell). */
    boolean inCompare() {
        return sims.size() != 1;
    }

    Snapshot snapshot() {
        return sim().snapshot(null, true);
    }

    Snapshot snapshot(CellKind cell) {
        return sims.get(cell).snapshot(null, true);
    }

    /** Every iteration record of the run since its reset (compare: of that cell's run). */
    List<IterationRecord> records(CellKind cell) {
        return sims.get(cell == null ? sims.keySet().iterator().next() : cell).history();
    }

    private void start(Map<CellKind, SimulationSettings> runs) {
        sims.clear();
        runs.forEach((k, s) -> sims.put(k, new Simulation(s, tasks)));
    }

    @Override
    public void reset(SimulationSettings settings) {
        start(Map.of(settings.cell(), settings));
    }

    @Override
    public void compare(List<CellKind> cells, SimulationSettings settings, CompareMatch match) {
        if (match != CompareMatch.HIDDEN_SIZE) {
            throw new UnsupportedOperationException("only matched hidden size is modelled here");
        }
        Map<CellKind, SimulationSettings> runs = new LinkedHashMap<>();
        for (CellKind k : cells) {
            runs.put(k, settings.withCell(k));
        }
        start(runs);
    }

    @Override
    public void stepForward(int ticks) {
        for (Simulation s : sims.values()) {
            for (int i = 0; i < ticks; i++) {
                s.stepForward();
            }
        }
    }

    @Override
    public void stepBack(int ticks) {
        for (Simulation s : sims.values()) {
            for (int i = 0; i < ticks; i++) {
                s.stepBack();
            }
        }
    }

    @Override
    public void jumpToBackward() {
        sims.values().forEach(Simulation::jumpToBackward);
    }

    @Override
    public void train(int iterations) {
        for (Simulation s : sims.values()) {
            for (int i = 0; i < iterations; i++) {
                s.trainIteration();
            }
        }
    }

    @Override public void play() { viewCalls.add("play"); }
    @Override public void pause() { viewCalls.add("pause"); }
    @Override public void setSpeed(double tps) { viewCalls.add("speed"); }
    @Override public void selectSequence(int row) { sims.values().forEach(s -> s.selectRow(row)); }
    @Override public void selectUnit(int unit) { viewCalls.add("unit " + unit); }
    @Override public void focusView(LessonView view) { viewCalls.add("focus " + view.fileName()); }
}

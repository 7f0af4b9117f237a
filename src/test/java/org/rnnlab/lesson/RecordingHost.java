package org.rnnlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.SimulationSettings;

/** A host that records every call as a short line, e.g. "reset(rnn r=0.9 T=20 seed=1)", "step(19)". */
public final class RecordingHost implements LessonHost {
    final List<String> calls = new ArrayList<>();
    final List<SimulationSettings> resets = new ArrayList<>();
    RuntimeException failNext;

    static String describe(SimulationSettings s) {
        return s.cell().id() + " " + s.taskId() + " T=" + s.sequenceLength() + " r=" + s.spectralRadius()
                + " seed=" + s.seed();
    }

    private void record(String call) {
        if (failNext != null) {
            RuntimeException e = failNext;
            failNext = null;
            throw e;
        }
        calls.add(call);
    }

    public List<String> drain() {
        List<String> out = List.copyOf(calls);
        calls.clear();
        return out;
    }

    @Override public void reset(SimulationSettings settings) { record("reset(" + describe(settings) + ")"); resets.add(settings); }
    @Override public void stepForward(int ticks) { record("step(" + ticks + ")"); }
    @Override public void stepBack(int ticks) { record("stepBack(" + ticks + ")"); }
    @Override public void jumpToBackward() { record("jumpToBackward"); }
    @Override public void train(int iterations) { record("train(" + iterations + ")"); }
    @Override public void play() { record("play"); }
    @Override public void pause() { record("pause"); }
    @Override public void setSpeed(double tps) { record("speed(" + tps + ")"); }
    @Override public void selectSequence(int row) { record("sequence(" + row + ")"); }
    @Override public void selectUnit(int unit) { record("unit(" + unit + ")"); }
    @Override public void focusView(LessonView view) { record("focus(" + view.fileName() + ")"); }

    @Override
    public void compare(List<CellKind> cells, SimulationSettings settings, CompareMatch match) {
        record("compare(" + cells.stream().map(CellKind::id).collect(Collectors.joining(",")) + " " + match.fileName()
                + " " + describe(settings) + ")");
    }
}

package org.rnnlab.ui.compare;

import java.util.List;
import java.util.Objects;
import org.rnnlab.engine.CellKind;
import org.rnnlab.lesson.CompareMatch;
import org.rnnlab.lesson.LessonHost;
import org.rnnlab.lesson.LessonView;
import org.rnnlab.training.SimulationSettings;

/**
 * A lesson host that knows compare mode: {@code compare} opens it; while it is open, stepping,
 * the backward jump, training, play, pause, speed and the sequence go to every compared cell;
 * {@code reset} leaves it and rebuilds the window's run. Everything else (and everything while
 * compare mode is closed) goes to the window's own host, e.g. an
 * {@link org.rnnlab.lesson.EngineLessonHost}. Every call returns at once: engine work is
 * queued on the engine thread. FX thread.
 *
 * <pre>  LessonHost host = new CompareLessonHost(new EngineLessonHost(runner, windowPart), window.compareMode());</pre>
 */
public final class CompareLessonHost implements LessonHost {
    private final LessonHost window;
    private final CompareMode compare;

    public CompareLessonHost(LessonHost window, CompareMode compare) {
        this.window = Objects.requireNonNull(window, "window host");
        this.compare = Objects.requireNonNull(compare, "compare mode");
    }

    @Override
    public void reset(SimulationSettings settings) {
        compare.close();
        window.reset(settings);
    }

    @Override
    public void stepForward(int ticks) {
        if (compare.isOpen()) {
            for (int i = 0; i < ticks; i++) {
                compare.runner().stepForward();
            }
        } else {
            window.stepForward(ticks);
        }
    }

    @Override
    public void stepBack(int ticks) {
        if (compare.isOpen()) {
            for (int i = 0; i < ticks; i++) {
                compare.runner().stepBack();
            }
        } else {
            window.stepBack(ticks);
        }
    }

    @Override
    public void jumpToBackward() {
        if (compare.isOpen()) {
            compare.runner().jumpToBackward();
        } else {
            window.jumpToBackward();
        }
    }

    @Override
    public void train(int iterations) {
        if (compare.isOpen()) {
            compare.runner().train(iterations);
        } else {
            window.train(iterations);
        }
    }

    @Override
    public void play() {
        if (compare.isOpen()) {
            compare.runner().play();
        } else {
            window.play();
        }
    }

    @Override
    public void pause() {
        if (compare.isOpen()) {
            compare.runner().pause();
        } else {
            window.pause();
        }
    }

    @Override
    public void setSpeed(double ticksPerSecond) {
        if (compare.isOpen()) {
            compare.setSpeed(ticksPerSecond);
        } else {
            window.setSpeed(ticksPerSecond);
        }
    }

    @Override
    public void selectSequence(int row) {
        if (compare.isOpen()) {
            compare.runner().selectRow(row);
        } else {
            window.selectSequence(row);
        }
    }

    @Override
    public void selectUnit(int unit) {
        window.selectUnit(unit);
    }

    @Override
    public void focusView(LessonView view) {
        if (!compare.isOpen()) {
            window.focusView(view);
        }
    }

    @Override
    public void compare(List<CellKind> cells, SimulationSettings settings, CompareMatch match) {
        compare.open(cells, settings, match);
    }
}

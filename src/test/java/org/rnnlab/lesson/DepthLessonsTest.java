package org.rnnlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.AppTasks;

/** What the two depth lessons say, checked on the runs they make (the real tasks). */
class DepthLessonsTest {
    private final SimulationHost host = new SimulationHost(AppTasks.factory());

    private LessonPlayer walk(String id, int step) {
        LessonPlayer p = new LessonPlayer(Lessons.all().find(id).orElseThrow(), host);
        p.start();
        while (p.index() < step || p.isAwaitingReveal()) {
            assertThat(p.advance()).isTrue();
        }
        assertThat(p.hostError()).isNull();
        return p;
    }

    @Test
    void theDeepLessonsGradientFadesToUnderATenthThroughDepthAndTime() {
        walk("deep-rnns", 1);
        Snapshot s = host.snapshot();
        assertThat(s.run().model()).isEqualTo("RNN 8 → RNN 8 → RNN 8 → Dense");
        assertThat(s.phaseText()).isEqualTo("Forward  Layer 1 → t=20");
        walk("deep-rnns", 3);
        s = host.snapshot();
        assertThat(s.phaseText()).isEqualTo("Backward  Layer 1 → t=1");
        BackwardColumn[] b = s.columns().backward();
        double entered = b[59].dhNorm();
        double reached = b[0].dhNorm();
        assertThat(reached / entered).as("||dL/dh|| at layer 1, t=1 over layer 3, t=20").isLessThan(0.1);
    }

    @Test
    void theBidirectionalLessonShowsBothDirections() {
        walk("bidirectional", 1);
        Snapshot s = host.snapshot();
        assertThat(s.run().model()).endsWith("Bidirectional(LSTM 8) → Dense");
        assertThat(s.phaseText()).isEqualTo("Forward  Layer 1 → t=5");
        walk("bidirectional", 2);
        assertThat(host.snapshot().phaseText()).isEqualTo("Forward  Layer 1 ← t=32");
    }
}

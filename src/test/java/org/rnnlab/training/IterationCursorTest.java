package org.rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The position algebra of one iteration, with no model behind it. */
class IterationCursorTest {
    @Test
    void positionsMapToPhasesAndTicksForwardThenBackward() {
        IterationCursor c = new IterationCursor();
        c.start(3);
        assertThat(c.positions()).isEqualTo(8);
        Phase[] phases = new Phase[9];
        int[] ticks = new int[9];
        for (int pos = -1; pos < 8; pos++) {
            phases[pos + 1] = c.phaseAt(pos);
            ticks[pos + 1] = c.tickAt(pos);
        }
        assertThat(phases).containsExactly(Phase.READY, Phase.FORWARD, Phase.FORWARD, Phase.FORWARD, Phase.LOSS,
                Phase.BACKWARD, Phase.BACKWARD, Phase.BACKWARD, Phase.UPDATE);
        assertThat(ticks).containsExactly(-1, 0, 1, 2, -1, 2, 1, 0, -1);
        for (int t = 0; t < 3; t++) {
            assertThat(c.tickAt(c.backwardPosition(t))).isEqualTo(t);
        }
        assertThat(c.firstBackward()).isEqualTo(4);
    }

    @Test
    void theCursorStaysOverComputedPositions() {
        IterationCursor c = new IterationCursor();
        c.start(2);
        assertThat(c.stepBack()).isFalse();
        c.computed();
        c.computed();
        c.computedAhead();
        assertThat(c.frontier()).isEqualTo(3);
        assertThat(c.cursor()).isEqualTo(1);
        assertThat(c.behindFrontier()).isTrue();
        c.revisitNext();
        assertThat(c.cursor()).isEqualTo(2);
        c.seek(99);
        assertThat(c.cursor()).isEqualTo(2);
        c.seek(-5);
        assertThat(c.cursor()).isEqualTo(-1);
        assertThat(c.shown(4)).isEqualTo(new Snapshot.Position(4, 2, Phase.READY, -1, -1, 3));
        c.completeAll();
        assertThat(c.complete()).isTrue();
        assertThat(c.shown(4).phaseText()).isEqualTo("Update");
        c.start(5);
        assertThat(c.frontier()).isZero();
        assertThat(c.cursor()).isEqualTo(-1);
    }
}

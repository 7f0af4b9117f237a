package org.rnnlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.training.BackwardColumn;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.ForwardColumn;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Snapshot;

/** The gate-surgery lesson's claims, checked on the snapshots the views draw from. */
class GateSurgeryLessonTest {
    private final SimulationHost host = new SimulationHost(DefaultTasks.factory());

    private static void at(LessonPlayer p, int step) {
        while (p.index() < step || p.isAwaitingReveal()) {
            assertThat(p.advance()).isTrue();
        }
        assertThat(p.hostError()).isNull();
    }

    private static double dcRatio(Snapshot s) {
        assertThat(s.position().phase()).isEqualTo(Phase.BACKWARD);
        assertThat(s.position().tick()).isZero();
        BackwardColumn[] b = s.columns().backward();
        return b[0].dcNorm() / b[b.length - 1].dcNorm();
    }

    @Test
    void forgetHeldAtOneKeepsEverythingAndAtZeroKeepsOneTick() {
        LessonPlayer p = new LessonPlayer(Lessons.all().find("gate-surgery").orElseThrow(), host);
        p.start();
        at(p, 1);
        Snapshot one = host.snapshot();
        assertThat(one.run().settings().clamp()).isEqualTo(GateClamp.parse("forget=1@1"));
        int f = one.run().cell().gateIndex("f");
        int i = one.run().cell().gateIndex("i");
        int g = one.run().cell().gateIndex("g");
        ForwardColumn[] fw = one.columns().forward();
        double[] sum = new double[fw[0].c().length];
        for (ForwardColumn col : fw) {
            for (int j = 0; j < sum.length; j++) {
                assertThat(col.gates()[f][j]).isEqualTo(1.0);
                sum[j] += col.gates()[i][j] * col.gates()[g][j];
            }
        }
        for (int j = 0; j < sum.length; j++) {
            assertThat(fw[fw.length - 1].c()[j]).as("c_20 = i_1 g_1 + … + i_20 g_20 (c_0 = 0)").isCloseTo(sum[j], within(1e-12));
        }
        at(p, 2);
        double keep = dcRatio(host.snapshot());
        assertThat(keep).as("of the same order: about 0.7 in this run").isBetween(0.5, 2.0);

        at(p, 3);
        Snapshot zero = host.snapshot();
        assertThat(zero.run().settings().clamp()).isEqualTo(GateClamp.parse("forget=0@1"));
        for (ForwardColumn col : zero.columns().forward()) {
            for (int j = 0; j < sum.length; j++) {
                assertThat(col.c()[j]).as("c_t = i_t g_t").isEqualTo(col.gates()[i][j] * col.gates()[g][j]);
            }
        }
        at(p, 4);
        double gone = dcRatio(host.snapshot());
        assertThat(gone).as("orders of magnitude less: about 2e-14 in this run").isLessThan(1e-12);
    }
}

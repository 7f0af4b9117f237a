package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.training.Phase;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.UpdateColumn;
import org.rnnlab.ui.figure.EquationsFigure;

/**
 * The Loss and Update phases show their own equations with the engine's numbers: the batch loss
 * and the followed sequence's own (which for a batch of one is the batch loss), and each gate's
 * bias and self-weight of the followed unit before and after the optimiser's step.
 */
class PhaseEquationsTest {
    private static Snapshot at(Simulation sim, Phase phase) {
        Snapshot s = sim.snapshot(null, false);
        while (s.position().phase() != phase) {
            sim.stepForward();
            s = sim.snapshot(null, false);
        }
        return s;
    }

    @Test
    void theLossPhaseStatesTheLossWithTheBatchsAndTheSequencesValue() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 5, 4));
        Snapshot s = at(sim, Phase.LOSS);
        EquationsFigure f = EquationsFigure.of(s, 0);
        assertThat(f.heading()).isEqualTo("LSTM · Loss");
        assertThat(f.equations().get(0).equation()).isEqualTo(LossKind.MSE.equation());
        assertThat(f.equations().get(0).title()).contains("mean squared error", "last tick");
        assertThat(f.equations().get(0).numeric()).isEqualTo("= " + ViewNumbers.format(s.status().loss())
                + "   (the batch of 3 sequences)");
        assertThat(f.equations().get(1).numeric()).isEqualTo("= " + ViewNumbers.format(s.status().sequenceLoss()));
        assertThat(s.status().sequenceLoss()).isNotEqualTo(s.status().loss());
        // nothing of the forward pass's equations is left on screen
        assertThat(f.lines()).noneMatch(l -> l.contains("σ("));
    }

    @Test
    void aBatchOfOnesLossIsItsSequencesLoss() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 5, 4).withBatchSize(1));
        Snapshot s = at(sim, Phase.LOSS);
        assertThat(s.status().sequenceLoss()).isEqualTo(s.status().loss());
        Simulation cls = ViewTestKit.sim(ViewTestKit.settings(CellKind.GRU, 5, 4).withTask("toyclass", 5).withBatchSize(1));
        Snapshot c = at(cls, Phase.LOSS);
        assertThat(c.run().loss()).isEqualTo(LossKind.CROSS_ENTROPY);
        assertThat(c.status().sequenceLoss()).isCloseTo(c.status().loss(), within(1e-15));
        assertThat(EquationsFigure.of(c, 0).equations().get(0).title()).contains("cross-entropy", "every tick");
    }

    @Test
    void theUpdatePhaseShowsEachGatesStepForTheFollowedUnit() {
        double lr = 0.05;
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 5, 4)
                .withTraining(lr, OptimizerKind.SGD, false, 1.0));
        Snapshot s = at(sim, Phase.UPDATE);
        UpdateColumn u = s.status().update();
        assertThat(u).isNotNull();
        int unit = 2;
        for (int g = 0; g < 4; g++) {
            double[][][] b = u.bias();
            // SGD without clipping: after = before − η·g, exactly as the engine stepped
            assertThat(b[UpdateColumn.AFTER][g][unit]).isCloseTo(b[UpdateColumn.BEFORE][g][unit]
                    - lr * b[UpdateColumn.GRADIENT][g][unit], within(1e-15));
            assertThat(b[UpdateColumn.GRADIENT][g][unit]).isNotZero();
        }
        EquationsFigure f = EquationsFigure.of(s, unit);
        assertThat(f.heading()).isEqualTo("LSTM · unit 3 · Update");
        assertThat(f.equations().get(0).equation()).isEqualTo(OptimizerKind.SGD.rule());
        assertThat(f.equations().get(0).title()).isEqualTo("SGD · η = 0.05");
        assertThat(f.equations()).hasSize(1 + 2 * 4);
        assertThat(f.equations().get(2).equation()).isEqualTo("b_{f} ← b_{f} − Δ");
        double[][][] b = u.bias();
        assertThat(f.equations().get(2).numeric()).isEqualTo("= " + ViewNumbers.format(b[0][1][unit]) + " − "
                + ViewNumbers.operand(b[0][1][unit] - b[2][1][unit]) + " = " + ViewNumbers.format(b[2][1][unit])
                + "   (g = " + ViewNumbers.format(b[1][1][unit]) + ")");
        assertThat(f.equations().get(5).title()).contains("self-weight W_hi[j, j], j = 3");
    }

    @Test
    void stepsOfATrainedRunAtFullSpeedCarryTheirUpdateToo() {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.RNN, 5, 4));
        for (int i = 0; i < 3; i++) {
            sim.trainIteration();
        }
        Snapshot s = sim.snapshot(null, false);
        assertThat(s.position().phase()).isEqualTo(Phase.UPDATE);
        assertThat(s.status().update()).isNotNull();
        assertThat(Double.isFinite(s.status().sequenceLoss())).isTrue();
    }
}

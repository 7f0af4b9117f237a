package org.rnnlab.ui.figure;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.ClipReport;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.LossPlacement;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.UpdateColumn;

/**
 * The equations of the two phases between the passes, with the engine's numbers: the Loss phase
 * states the loss ({@link LossKind#equation()}) with the batch's value and the followed
 * sequence's own; the Update phase states the optimiser's rule ({@code OptimizerKind.rule()})
 * and, for the followed unit, each gate's input bias and recurrent self-weight before the step,
 * the change and the value after, with the gradient the optimiser was given.
 */
final class PhaseEquations {
    private PhaseEquations() {}

    static EquationsFigure loss(Snapshot s) {
        Snapshot.Run run = s.run();
        LossKind kind = run.loss();
        String heading = run.cell().label() + " · Loss";
        String what = (kind == LossKind.MSE ? "mean squared error" : "cross-entropy") + " over "
                + placementWords(run.placement()) + ", averaged";
        double batchLoss = s.status().loss();
        double own = s.status().sequenceLoss();
        List<EquationsFigure.Equation> eqs = new ArrayList<>();
        eqs.add(new EquationsFigure.Equation(kind.equation(), what,
                Double.isNaN(batchLoss) ? null : "= " + FigureNumbers.format(batchLoss) + "   (the batch of "
                        + s.sequence().batchSize() + " sequences)"));
        eqs.add(new EquationsFigure.Equation("L_b", "sequence b = " + (s.sequence().row() + 1) + " alone, the one shown",
                Double.isNaN(own) ? null : "= " + FigureNumbers.format(own)));
        String note = Double.isNaN(batchLoss) ? "" : "The backward pass starts from this loss: ∂L/∂y at the scored ticks.";
        return new EquationsFigure(heading, note, eqs, null, null);
    }

    static EquationsFigure update(Snapshot s, int unit) {
        Snapshot.Run run = s.run();
        UpdateColumn u = s.status().update();
        String heading = run.cell().label() + " · " + ShownPosition.unitLabel(unit) + " · Update";
        List<EquationsFigure.Equation> eqs = new ArrayList<>();
        if (u == null) {
            String why = s.status().divergence() != null ? "No update: the iteration diverged, the weights stay as they were."
                    : "The update's numbers appear once it has been computed.";
            return new EquationsFigure(heading, why, eqs, null, null);
        }
        eqs.add(new EquationsFigure.Equation(u.optimizer().rule(), u.optimizer().title() + " · η = "
                + FigureNumbers.shortFormat(u.learningRate()), null));
        List<GateSpec> gates = run.gates();
        for (int g = 0; g < gates.size(); g++) {
            String name = gates.get(g).name();
            eqs.add(new EquationsFigure.Equation("b_{" + name + "} ← b_{" + name + "} − Δ",
                    gates.get(g).title() + " · input bias of " + ShownPosition.unitLabel(unit), step(u.bias(), g, unit)));
        }
        for (int g = 0; g < gates.size(); g++) {
            String name = gates.get(g).name();
            eqs.add(new EquationsFigure.Equation("w_{h" + name + "} ← w_{h" + name + "} − Δ",
                    "recurrent self-weight W_h" + name + "[j, j], j = " + (unit + 1), step(u.self(), g, unit)));
        }
        return new EquationsFigure(heading, clipNote(s.status().lastClip()), eqs, null, null);
    }

    /** "= 0.1234 − 0.0049 = 0.1185   (g = 0.0491)": before, the change, after, the gradient used. */
    private static String step(double[][][] v, int g, int j) {
        double before = v[UpdateColumn.BEFORE][g][j];
        double after = v[UpdateColumn.AFTER][g][j];
        return "= " + FigureNumbers.format(before) + " − " + FigureNumbers.operand(before - after) + " = "
                + FigureNumbers.format(after) + "   (g = " + FigureNumbers.format(v[UpdateColumn.GRADIENT][g][j]) + ")";
    }

    private static String clipNote(ClipReport clip) {
        if (clip == null || !clip.clipped()) {
            return "Every weight takes one step with its gradient g; shown: the followed unit's own weights.";
        }
        return "Every weight takes one step with its gradient g, clipped from norm " + FigureNumbers.format(clip.normBefore())
                + " to " + FigureNumbers.format(clip.normAfter()) + "; shown: the followed unit's own weights.";
    }

    private static String placementWords(LossPlacement p) {
        return switch (p) {
            case LAST -> "the last tick of each sequence";
            case EVERY -> "every tick of each sequence";
            case MASK -> "the ticks each sequence scores";
        };
    }
}

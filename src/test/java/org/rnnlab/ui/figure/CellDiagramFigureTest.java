package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.ui.figure.DiagramCases.LOOK;
import static org.rnnlab.ui.figure.DiagramCases.MONO;
import static org.rnnlab.ui.figure.DiagramCases.PALETTE;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.Unroll;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.DiagramCases.Variant;

/** The cell diagram's figure, read without a display (monospace text metrics). */
class CellDiagramFigureTest {
    static final List<Variant> VARIANTS = DiagramCases.VARIANTS;

    @ParameterizedTest
    @FieldSource("VARIANTS")
    void gateLabelsAreTheEnginesGateSpecsAndTheirEquationsNames(Variant v) {
        Snapshot s = DiagramCases.step(DiagramCases.sim(v, 6, 4), 3);
        // wide enough for the titles under the boxes in monospace
        CellDiagramFigure d = CellDiagramFigure.of(s, 0, 1100, 640, LOOK, MONO, PALETTE);
        List<GateSpec> specs = s.run().cell().gates();
        List<String> expected = new ArrayList<>();
        for (GateSpec g : specs) {
            expected.add(g.name() + "_t");
            expected.add(g.nonlinearity().symbol());
            expected.add(g.title());
        }
        assertThat(d.gateLabels()).as(v.name()).containsExactlyElementsOf(expected);
        assertThat(d.gates()).extracting(DiagramGate::name).containsExactlyElementsOf(specs.stream().map(GateSpec::name).toList());
        for (int g = 0; g < specs.size(); g++) {
            // the box's label is what the gate's equation defines
            assertThat(specs.get(g).equation()).as(v.name()).startsWith(d.gates().get(g).label() + " = ");
        }
        // and they are really drawn (titles may be wrapped onto two lines at a space)
        List<String> texts = d.figure().texts();
        String all = String.join(" ", texts);
        for (GateSpec g : specs) {
            assertThat(texts).as(v.name()).contains(g.name() + "_t", g.nonlinearity().symbol());
            assertThat(all).as(v.name()).contains(g.title());
            assertThat(d.figure().hits()).extracting(Hit::id).contains("gate-" + g.name());
        }
        // the caption is the engine's equations
        if (v.kind() == CellKind.RNN) {
            assertThat(texts).contains(specs.get(0).equation());
        } else if (v.kind() == CellKind.LSTM) {
            assertThat(texts).contains(String.join("      ", s.run().cell().stateEquations()));
        } else {
            assertThat(texts).contains(specs.get(s.run().cell().gateIndex("n")).equation());
            assertThat(texts).containsAll(s.run().cell().stateEquations());
        }
    }

    @ParameterizedTest
    @FieldSource("VARIANTS")
    void aGateBoxIsFilledInThePalettesColourOfTheEnginesValueForTheFollowedUnit(Variant v) {
        Simulation sim = DiagramCases.sim(v, 6, 4);
        Snapshot s = DiagramCases.step(sim, 4);
        int unit = 2;
        int t = 3;
        CellDiagramFigure d = CellDiagramFigure.of(s, unit, 680, 440, LOOK, MONO, PALETTE);
        Unroll u = sim.model().unroll();
        for (DiagramGate g : d.gates()) {
            double engine = u.gate(t, s.run().cell().gateIndex(g.name()), s.sequence().row(), unit);
            assertThat(g.value()).as(g.name()).isEqualTo(engine);
            List<Integer> fills = DiagramCases.rectsIn(d.figure(), "gate-" + g.name()).stream()
                    .map(Mark.Rect::fill).filter(c -> c != Mark.NONE && c != PALETTE.panelArgb()).toList();
            assertThat(fills).as(v + " " + g.name()).containsExactly(PALETTE.activationArgb(engine));
            assertThat(g.fillArgb()).isEqualTo(PALETTE.activationArgb(engine));
        }
    }

    @Test
    void numbersAreTheFollowedUnitsAtTheCursorAndGradientsAtTheOutputsWhenGoingBack() {
        Variant lstm = DiagramCases.VARIANTS.get(2);
        Simulation sim = DiagramCases.sim(lstm, 5, 8);
        Snapshot s = DiagramCases.step(sim, 4);
        CellDiagramFigure d = CellDiagramFigure.of(s, 2, 950, 520, LOOK, MONO, PALETTE);
        Unroll u = sim.model().unroll();
        int b = s.sequence().row();
        int t = 3;
        for (DiagramGate g : d.gates()) {
            assertThat(d.figure().texts()).contains(FigureNumbers.format(u.gate(t, s.run().cell().gateIndex(g.name()), b, 2)));
        }
        assertThat(d.figure().texts()).contains(FigureNumbers.format(u.h(t, b, 2)), FigureNumbers.format(u.c(t, b, 2)),
                FigureNumbers.format(u.h(t - 1, b, 2)), FigureNumbers.format(u.c(t - 1, b, 2)), "LSTM · unit 3 · t=4 · Forward");
        assertThat(d.figure().texts()).noneMatch(x -> x.startsWith("∂L/∂"));

        Snapshot back = DiagramCases.step(sim, 1 + 1 + 2);
        int bt = back.position().tick();
        CellDiagramFigure db = CellDiagramFigure.of(back, 2, 950, 520, LOOK, MONO, PALETTE);
        assertThat(db.figure().texts()).contains("∂L/∂h_t = " + FigureNumbers.format(u.dh(bt, b, 2)),
                "∂L/∂c_t = " + FigureNumbers.format(u.dc(bt, b, 2)));
    }

    @Test
    void variantsChangeTheWiringNotJustTheLabels() {
        List<Variant> vs = DiagramCases.VARIANTS;
        CellDiagramFigure lstm = figure(vs.get(2));
        assertThat(lstm.operations()).containsExactlyInAnyOrder("⊙ forget", "+ add", "⊙ input", "tanh squash", "⊙ output");
        CellDiagramFigure noForget = figure(vs.get(3));
        assertThat(noForget.operations()).containsExactlyInAnyOrder("+ add", "⊙ input", "tanh squash", "⊙ output");
        assertThat(noForget.gateLabels()).doesNotContain("f_t", "forget gate");
        CellDiagramFigure torch = figure(vs.get(4));
        assertThat(torch.operations()).containsExactlyInAnyOrder("⊙ keep", "+ add", "1− update", "⊙ new", "⊙ reset");
        assertThat(torch.figure().texts()).contains("W_hn h_{t−1} + b_hn");
        CellDiagramFigure cho = figure(vs.get(5));
        assertThat(cho.figure().texts()).contains("h_{t−1}").doesNotContain("W_hn h_{t−1} + b_hn");
        assertThat(figure(vs.get(0)).operations()).isEmpty();
    }

    private static CellDiagramFigure figure(Variant v) {
        return CellDiagramFigure.of(DiagramCases.step(DiagramCases.sim(v, 6, 4), 2), 0, 950, 520, LOOK, MONO, PALETTE);
    }

    @Test
    void fillsFollowTheLookWhileNumbersStayExact() {
        Variant gru = DiagramCases.VARIANTS.get(4);
        Snapshot s = DiagramCases.step(DiagramCases.sim(gru, 6, 4), 2);
        double[] values = CellDiagramFigure.values(s, 0);
        double[] eased = values.clone();
        eased[0] = values[0] / 2;
        CellDiagramFigure d = CellDiagramFigure.of(s, 0, 950, 520, new DiagramLook(16, 14, eased), MONO, PALETTE);
        DiagramGate first = d.gates().get(0);
        assertThat(first.value()).isEqualTo(values[0]);
        assertThat(first.fill()).isEqualTo(eased[0]);
        assertThat(first.fillArgb()).isEqualTo(PALETTE.activationArgb(eased[0]));
        assertThat(d.figure().texts()).contains(FigureNumbers.format(values[0]));
        assertThat(DiagramCases.rectsIn(d.figure(), "gate-" + first.name())).extracting(Mark.Rect::fill)
                .contains(PALETTE.activationArgb(eased[0]));
    }

    @Test
    void beforeTheFirstTickTheBoxesAreEmptyAndTheHeaderSaysWhatToDo() {
        Snapshot s = DiagramCases.sim(DiagramCases.VARIANTS.get(2), 6, 4).snapshot(null, true);
        CellDiagramFigure d = CellDiagramFigure.of(s, 0, 950, 520, LOOK, MONO, PALETTE);
        assertThat(d.gates()).allSatisfy(g -> assertThat(g.value()).isNaN());
        assertThat(d.gates()).extracting(DiagramGate::fillArgb).containsOnly(Mark.NONE);
        assertThat(d.figure().texts()).contains("LSTM · unit 1 · step forward to see values");
        assertThat(CellDiagramFigure.values(s, 0)).containsOnly(Double.NaN);
    }

    @Test
    void hitRegionsAnswerWithTheGateUnderThePoint() {
        CellDiagramFigure d = figure(DiagramCases.VARIANTS.get(2));
        for (Hit h : d.figure().hits()) {
            assertThat(d.figure().hitAt(h.x() + h.w() / 2, h.y() + h.h() / 2)).map(Hit::id).contains(h.id());
        }
        assertThat(d.figure().hits()).extracting(Hit::id).containsExactly("gate-f", "gate-i", "gate-g", "gate-o");
        assertThat(d.figure().hitAt(1, 1)).isEmpty();
    }

    @Test
    void aShortPanelGivesTheCaptionsRoomToTheDiagram() {
        Snapshot s = DiagramCases.step(DiagramCases.sim(DiagramCases.VARIANTS.get(2), 8, 8), 5);
        CellDiagramFigure roomy = CellDiagramFigure.of(s, 0, 625, 270, LOOK, MONO, PALETTE);
        assertThat(roomy.caption()).isNotEmpty();
        CellDiagramFigure shorter = CellDiagramFigure.of(s, 0, 625, 250, LOOK, MONO, PALETTE);
        assertThat(shorter.gates()).isNotEmpty();
        assertThat(shorter.caption()).isEmpty();
    }

    @Test
    void aTinyViewAsksForRoomAndNoSnapshotDrawsNothing() {
        Snapshot s = DiagramCases.step(DiagramCases.sim(DiagramCases.VARIANTS.get(2), 6, 4), 3);
        CellDiagramFigure tiny = CellDiagramFigure.of(s, 0, 220, 150, LOOK, MONO, PALETTE);
        assertThat(String.join(" ", tiny.figure().texts())).contains(CellDiagramFigure.ENLARGE);
        assertThat(tiny.gates()).isEmpty();
        assertThat(CellDiagramFigure.of(null, 0, 600, 400, LOOK, MONO, PALETTE).figure().marks()).isEmpty();
    }

    /**
     * The sizes the diagram gets: its panel in a 1920×1080 window (and in presenter type), and in the
     * small 1280×720 one, where a stacked run's two-row toolbar leaves it 250 px.
     */
    static final double[][] SIZES = {{680, 440, 16}, {690, 470, 20}, {625, 270, 16}, {625, 270, 14}, {625, 250, 16}};

    @ParameterizedTest
    @FieldSource("VARIANTS")
    void nothingOverlapsOrLeavesTheFigureAtTheWindowsSizes(Variant v) {
        Simulation sim = DiagramCases.sim(v, 8, 8);
        List<Snapshot> snapshots = List.of(sim.snapshot(null, true), DiagramCases.step(sim, 5), DiagramCases.step(sim, 3 + 1 + 4));
        List<String> problems = new ArrayList<>();
        for (Snapshot s : snapshots) {
            for (double[] size : SIZES) {
                CellDiagramFigure d = CellDiagramFigure.of(s, 2, size[0], size[1], new DiagramLook(size[2], 14, null), MONO,
                        PALETTE);
                assertThat(d.gates()).as("drawn at %s", java.util.Arrays.toString(size)).isNotEmpty();
                problems.addAll(DiagramCases.layoutProblems(v + " " + s.phaseText() + " " + (int) size[0] + "x" + (int) size[1]
                        + "@" + (int) size[2], d.figure(), MONO));
            }
        }
        assertThat(problems).isEmpty();
    }
}

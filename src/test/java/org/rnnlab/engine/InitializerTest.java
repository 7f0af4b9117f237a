package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InitializerTest {
    private static final CellConfig[] CELLS = {
            CellConfig.rnn(3, 7), CellConfig.lstm(3, 7), CellConfig.gru(3, 7),
            CellConfig.lstm(3, 7).withForgetGate(false), CellConfig.gru(3, 7).withGruVariant(GruVariant.CHO_2014)};

    private static RecurrentCell init(CellConfig cc, InitConfig ic) {
        RecurrentCell cell = RecurrentCell.create(cc);
        new Initializer(ic).initialize(cell);
        return cell;
    }

    private static double[][] values(RecurrentCell cell) {
        return new double[][] {cell.weightIh().value().data.clone(), cell.weightHh().value().data.clone(),
                cell.biasIh().value().data.clone(), cell.biasHh().value().data.clone()};
    }

    // ---- determinism ----

    @ParameterizedTest
    @EnumSource(InitScheme.class)
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedOthers(InitScheme scheme) {
        for (CellConfig cc : CELLS) {
            InitConfig ic = InitConfig.of(scheme, 42).withSpectralRadius(0.8);
            double[][] a = values(init(cc, ic));
            double[][] b = values(init(cc, ic));
            assertThat(a).as("%s %s", scheme, cc.label()).isDeepEqualTo(b);
            double[][] c = values(init(cc, ic.withSeed(43)));
            if (scheme != InitScheme.IDENTITY) {
                assertThat(c[1]).as("%s %s weight_hh", scheme, cc.label()).isNotEqualTo(a[1]);
            }
            assertThat(c[0]).as("%s %s weight_ih", scheme, cc.label()).isNotEqualTo(a[0]);
        }
    }

    @Test
    void reinitialisingACellOverwritesEverything() {
        RecurrentCell cell = RecurrentCell.create(CellConfig.lstm(3, 7));
        new Initializer(InitConfig.pytorchDefault(1)).initialize(cell);
        new Initializer(InitConfig.of(InitScheme.GLOROT_UNIFORM, 2)).initialize(cell);
        double[][] twice = values(cell);
        assertThat(twice).isDeepEqualTo(values(init(CellConfig.lstm(3, 7), InitConfig.of(InitScheme.GLOROT_UNIFORM, 2))));
    }

    @Test
    void marksTheCellChanged() {
        RecurrentCell cell = RecurrentCell.create(CellConfig.gru(2, 4));
        long v = cell.version();
        new Initializer(InitConfig.pytorchDefault(5)).initialize(cell);
        assertThat(cell.version()).isGreaterThan(v);
    }

    @Test
    void leavesGradientsAlone() {
        RecurrentCell cell = RecurrentCell.create(CellConfig.rnn(2, 3));
        cell.weightHh().grad().data[4] = 7.0;
        new Initializer(InitConfig.pytorchDefault(5)).initialize(cell);
        assertThat(cell.weightHh().grad().data[4]).isEqualTo(7.0);
    }

    // ---- PyTorch default ----

    @Test
    void pytorchDefaultFollowsTheDocumentedDrawOrder() {
        CellConfig cc = CellConfig.lstm(3, 5);
        RecurrentCell cell = init(cc, InitConfig.pytorchDefault(2024));
        SplittableRandom rng = new SplittableRandom(2024);
        double bound = 1 / Math.sqrt(5);
        for (double[] p : values(cell)) {
            for (double v : p) {
                assertThat(v).isEqualTo(bound * (2 * rng.nextDouble() - 1));
            }
        }
    }

    @Test
    void pytorchDefaultRespectsTheBoundAndFillsIt() {
        int h = 16;
        RecurrentCell cell = init(CellConfig.lstm(10, h), InitConfig.pytorchDefault(3));
        double bound = 1 / Math.sqrt(h);
        for (double[] p : values(cell)) {
            assertThat(maxAbs(p)).isLessThanOrEqualTo(bound);
        }
        double[] w = cell.weightHh().value().data;
        double max = 0, min = 0;
        for (double v : w) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertThat(max).isGreaterThan(0.95 * bound);
        assertThat(min).isLessThan(-0.95 * bound);
        assertThat(maxAbs(cell.biasHh().value().data)).isPositive();
    }

    // ---- Glorot ----

    @Test
    void glorotUsesFanInAndOutPerGateBlockAndZeroBiases() {
        int x = 5, h = 11;
        RecurrentCell cell = init(CellConfig.gru(x, h), InitConfig.of(InitScheme.GLOROT_UNIFORM, 9));
        double bih = Math.sqrt(6.0 / (x + h));
        double bhh = Math.sqrt(6.0 / (h + h));
        assertThat(maxAbs(cell.weightIh().value().data)).isLessThanOrEqualTo(bih);
        assertThat(maxAbs(cell.weightHh().value().data)).isLessThanOrEqualTo(bhh);
        assertThat(maxAbs(cell.weightIh().value().data)).isGreaterThan(0.9 * bih);
        assertThat(maxAbs(cell.weightHh().value().data)).isGreaterThan(0.9 * bhh);
        assertThat(cell.biasIh().value().data).containsOnly(0.0);
        assertThat(cell.biasHh().value().data).containsOnly(0.0);
    }

    // ---- orthogonal ----

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void orthogonalGivesOrthogonalGateBlocks(CellKind kind) {
        int h = 9;
        CellConfig cc = CellConfig.of(kind, 4, h);
        RecurrentCell cell = init(cc, InitConfig.of(InitScheme.ORTHOGONAL, 77));
        double[] whh = cell.weightHh().value().data;
        for (int g = 0; g < cc.gateCount(); g++) {
            DMatrixRMaj q = block(whh, g, h);
            DMatrixRMaj qtq = new DMatrixRMaj(h, h);
            CommonOps_DDRM.multTransA(q, q, qtq);
            assertThat(maxAbsDiff(qtq, CommonOps_DDRM.identity(h))).as("gate %d", g).isLessThan(1e-12);
            assertThat(Initializer.spectralRadius(whh, g * h * h, h)).isCloseTo(1.0, within(1e-12));
        }
        double bound = Math.sqrt(6.0 / (4 + h));
        assertThat(maxAbs(cell.weightIh().value().data)).isLessThanOrEqualTo(bound);
        assertThat(cell.biasIh().value().data).containsOnly(0.0);
        assertThat(cell.biasHh().value().data).containsOnly(0.0);
    }

    @Test
    void orthogonalIsTheSignCorrectedQOfTheDocumentedGaussians() {
        // Q = A R⁻¹ with diag(R) > 0 (torch.nn.init.orthogonal_): so QᵀA = R is upper triangular
        // with a positive diagonal, where A is rebuilt here from the documented draws.
        int x = 3, h = 6;
        CellConfig cc = CellConfig.lstm(x, h);
        RecurrentCell cell = init(cc, InitConfig.of(InitScheme.ORTHOGONAL, 11));
        SplittableRandom rng = new SplittableRandom(11);
        double glorot = Math.sqrt(6.0 / (x + h));
        for (double v : cell.weightIh().value().data) {
            assertThat(v).isEqualTo(glorot * (2 * rng.nextDouble() - 1));
        }
        for (int g = 0; g < 4; g++) {
            DMatrixRMaj a = new DMatrixRMaj(h, h);
            for (int k = 0; k < h * h; k++) {
                double u1 = rng.nextDouble();
                double u2 = rng.nextDouble();
                a.data[k] = StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * Math.PI * u2);
            }
            DMatrixRMaj r = new DMatrixRMaj(h, h);
            CommonOps_DDRM.multTransA(block(cell.weightHh().value().data, g, h), a, r);
            for (int i = 0; i < h; i++) {
                assertThat(r.get(i, i)).as("R[%d][%d] of gate %d", i, i, g).isPositive();
                for (int j = 0; j < i; j++) {
                    assertThat(r.get(i, j)).as("R[%d][%d] of gate %d", i, j, g).isCloseTo(0.0, within(1e-12));
                }
            }
        }
    }

    // ---- identity ----

    @Test
    void identityGivesIdentityBlocksAndTinyGaussianInputs() {
        int x = 40, h = 25;
        RecurrentCell cell = init(CellConfig.rnn(x, h).withRnnActivation(Nonlinearity.RELU),
                InitConfig.of(InitScheme.IDENTITY, 8));
        double[] whh = cell.weightHh().value().data;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < h; j++) {
                assertThat(whh[i * h + j]).isEqualTo(i == j ? 1.0 : 0.0);
            }
        }
        double[] wih = cell.weightIh().value().data;
        double sum = 0, sq = 0;
        for (double v : wih) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / wih.length;
        double std = Math.sqrt(sq / wih.length - mean * mean);
        assertThat(std).isCloseTo(Initializer.IDENTITY_INPUT_STD, within(0.1 * Initializer.IDENTITY_INPUT_STD));
        assertThat(Math.abs(mean)).isLessThan(0.2 * Initializer.IDENTITY_INPUT_STD);
        assertThat(cell.biasIh().value().data).containsOnly(0.0);
        assertThat(cell.biasHh().value().data).containsOnly(0.0);
    }

    @Test
    void identityAppliesToEveryGateBlock() {
        int h = 4;
        RecurrentCell cell = init(CellConfig.gru(2, h), InitConfig.of(InitScheme.IDENTITY, 1));
        for (int g = 0; g < 3; g++) {
            assertThat(maxAbsDiff(block(cell.weightHh().value().data, g, h), CommonOps_DDRM.identity(h))).isZero();
        }
    }

    // ---- spectral radius ----

    @ParameterizedTest
    @EnumSource(InitScheme.class)
    void scalesEveryGateBlockToTheRequestedSpectralRadius(InitScheme scheme) {
        for (CellConfig cc : CELLS) {
            InitConfig plain = InitConfig.of(scheme, 5);
            RecurrentCell unscaled = init(cc, plain);
            double[] asDrawn = Initializer.spectralRadii(unscaled);

            Initializer in = new Initializer(plain.withSpectralRadius(1.3));
            RecurrentCell cell = RecurrentCell.create(cc);
            in.initialize(cell);
            double[] radii = Initializer.spectralRadii(cell);
            assertThat(radii).as("%s %s", scheme, cc.label()).hasSize(cc.gateCount());
            for (double r : radii) {
                assertThat(r).as("%s %s", scheme, cc.label()).isCloseTo(1.3, within(1e-9));
            }
            assertThat(in.drawnSpectralRadii()).containsExactly(asDrawn);
            // scaling is all that changed in weight_hh: the same draws, times r/ρ per block
            int h = cc.hiddenSize();
            for (int g = 0; g < cc.gateCount(); g++) {
                double s = 1.3 / asDrawn[g];
                for (int k = g * h * h; k < (g + 1) * h * h; k++) {
                    assertThat(cell.weightHh().value().data[k]).isEqualTo(unscaled.weightHh().value().data[k] * s);
                }
            }
            assertThat(cell.weightIh().value().data).containsExactly(unscaled.weightIh().value().data);
        }
    }

    @Test
    void drawnRadiiAreEmptyWithoutScaling() {
        Initializer in = new Initializer(InitConfig.pytorchDefault(5));
        in.initialize(RecurrentCell.create(CellConfig.rnn(2, 3)));
        assertThat(in.drawnSpectralRadii()).isEmpty();
    }

    @Test
    void scaleToSpectralRadiusRescalesACellInPlace() {
        RecurrentCell cell = init(CellConfig.lstm(2, 8), InitConfig.pytorchDefault(4));
        double[] before = Initializer.spectralRadii(cell);
        long v = cell.version();
        assertThat(Initializer.scaleToSpectralRadius(cell, 0.5)).containsExactly(before);
        assertThat(cell.version()).isGreaterThan(v);
        for (double r : Initializer.spectralRadii(cell)) {
            assertThat(r).isCloseTo(0.5, within(1e-9));
        }
        assertThatThrownBy(() -> Initializer.scaleToSpectralRadius(cell, 0)).hasMessage(
                "spectral radius must be a finite number > 0, was 0.0");
        RecurrentCell zero = RecurrentCell.create(CellConfig.rnn(1, 2));
        assertThatThrownBy(() -> Initializer.scaleToSpectralRadius(zero, 1.0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spectral radius is 0.0");
    }

    @Test
    void spectralRadiusOfKnownMatrices() {
        // rotation by 90° times 2: eigenvalues ±2i
        assertThat(Initializer.spectralRadius(new double[] {0, -2, 2, 0}, 2)).isCloseTo(2.0, within(1e-14));
        // [[1, 2], [3, 4]]: (5 ± √33) / 2
        assertThat(Initializer.spectralRadius(new double[] {1, 2, 3, 4}, 2))
                .isCloseTo((5 + Math.sqrt(33)) / 2, within(1e-13));
        // triangular: the diagonal, the largest |λ| negative
        assertThat(Initializer.spectralRadius(new double[] {1, 5, 7, 0, -3, 2, 0, 0, 0.5}, 3)).isCloseTo(3.0, within(1e-13));
        // a complex pair 0.6 ± 0.8i (modulus 1) beside a real 0.9
        double[] m = {0.6, -0.8, 0, 0.8, 0.6, 0, 0, 0, 0.9};
        assertThat(Initializer.spectralRadius(m, 3)).isCloseTo(1.0, within(1e-14));
        assertThat(Initializer.spectralRadius(new double[] {-2.5}, 1)).isEqualTo(2.5);
        // a block inside a larger array
        assertThat(Initializer.spectralRadius(new double[] {9, 9, 0, -2, 2, 0, 9}, 2, 2)).isCloseTo(2.0, within(1e-14));
        assertThat(Initializer.spectralRadius(new double[] {1, Double.NaN, 0, 1}, 2)).isNaN();
    }

    @Test
    void spectralRadiusRejectsBadShapes() {
        assertThatThrownBy(() -> Initializer.spectralRadius(new double[5], 2))
                .hasMessage("matrix of size n = 2 must hold 4 values, was 5");
        assertThatThrownBy(() -> Initializer.spectralRadius(new double[4], 0, 0)).hasMessageContaining("n must be at least 1, was 0");
        assertThatThrownBy(() -> Initializer.spectralRadius(new double[4], 1, 2)).hasMessageContaining("offset 1");
        assertThatThrownBy(() -> Initializer.spectralRadius(null, 2)).hasMessageContaining("matrix");
    }

    // ---- forget bias ----

    @ParameterizedTest
    @EnumSource(InitScheme.class)
    void setsTheLstmForgetBiasAndLeavesEverythingElseAsDrawn(InitScheme scheme) {
        int h = 6;
        CellConfig cc = CellConfig.lstm(3, h);
        double[][] plain = values(init(cc, InitConfig.of(scheme, 12)));
        double[][] withBias = values(init(cc, InitConfig.of(scheme, 12).withForgetBias(1.0)));
        assertThat(withBias[0]).containsExactly(plain[0]);
        assertThat(withBias[1]).containsExactly(plain[1]);
        for (int k = 0; k < 4 * h; k++) {
            boolean forget = k >= h && k < 2 * h;
            assertThat(withBias[2][k]).as("bias_ih[%d]", k).isEqualTo(forget ? 1.0 : plain[2][k]);
            assertThat(withBias[3][k]).as("bias_hh[%d]", k).isEqualTo(forget ? 0.0 : plain[3][k]);
        }
    }

    @Test
    void forgetBiasIsRejectedForCellsWithoutAForgetGateBeforeAnythingIsWritten() {
        for (CellConfig cc : new CellConfig[] {CellConfig.rnn(2, 3), CellConfig.gru(2, 3),
                CellConfig.lstm(2, 3).withForgetGate(false)}) {
            RecurrentCell cell = RecurrentCell.create(cc);
            Initializer in = new Initializer(InitConfig.pytorchDefault(1).withForgetBias(1.0));
            assertThatThrownBy(() -> in.initialize(cell)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("forget bias").hasMessageContaining(cc.label()).hasMessageContaining("1.0");
            for (double[] p : values(cell)) {
                assertThat(p).containsOnly(0.0);
            }
        }
    }

    // ---- linear layers ----

    @Test
    void initializesALinearLayerLikeNnLinear() {
        Param w = new Param("readout.weight", 3, 8);
        Param b = new Param("readout.bias", 1, 3);
        Initializer in = new Initializer(InitConfig.pytorchDefault(6));
        in.initializeLinear(w, b);
        double bound = 1 / Math.sqrt(8);
        SplittableRandom rng = new SplittableRandom(6).split();
        for (double v : w.value().data) {
            assertThat(v).isEqualTo(bound * (2 * rng.nextDouble() - 1));
        }
        for (double v : b.value().data) {
            assertThat(v).isEqualTo(bound * (2 * rng.nextDouble() - 1));
        }
        // the readout's stream is not the cell's
        RecurrentCell cell = init(CellConfig.rnn(8, 3), InitConfig.pytorchDefault(6));
        assertThat(w.value().data).isNotEqualTo(cell.weightIh().value().data);
    }

    @Test
    void linearOrthogonalIsSemiOrthogonalBothWays() {
        Initializer in = new Initializer(InitConfig.of(InitScheme.ORTHOGONAL, 3));
        Param wide = new Param("wide", 3, 7);
        in.initializeLinear(wide, null);
        DMatrixRMaj wwT = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransB(wide.value(), wide.value(), wwT);
        assertThat(maxAbsDiff(wwT, CommonOps_DDRM.identity(3))).isLessThan(1e-12);

        Param tall = new Param("tall", 7, 3);
        Param bias = new Param("bias", 1, 7);
        bias.value().data[0] = 5;
        in.initializeLinear(tall, bias);
        DMatrixRMaj wTw = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(tall.value(), tall.value(), wTw);
        assertThat(maxAbsDiff(wTw, CommonOps_DDRM.identity(3))).isLessThan(1e-12);
        assertThat(bias.value().data).containsOnly(0.0);
    }

    /** Every scheme rewrites every value a trained cell had: no old bias or weight survives. */
    @ParameterizedTest
    @EnumSource(InitScheme.class)
    void reinitialisingAfterTrainingLeavesNoOldValue(InitScheme scheme) {
        for (CellConfig cc : CELLS) {
            RecurrentCell cell = RecurrentCell.create(cc);
            for (double[] a : new double[][] {cell.weightIh().value().data, cell.weightHh().value().data,
                    cell.biasIh().value().data, cell.biasHh().value().data}) {
                java.util.Arrays.fill(a, 7.0);
            }
            Initializer in = new Initializer(InitConfig.of(scheme, 5));
            assertThat(in.config()).isEqualTo(InitConfig.of(scheme, 5));
            in.initialize(cell);
            assertThat(values(cell)).as("%s %s", scheme, cc.label())
                    .isDeepEqualTo(values(init(cc, InitConfig.of(scheme, 5))));
            for (double[] a : values(cell)) {
                assertThat(a).doesNotContain(7.0);
            }
        }
    }

    @Test
    void linearGlorotAndIdentityDrawTheirOwnWeights() {
        Param w = new Param("w", 4, 6);
        Param b = new Param("b", 1, 4);
        java.util.Arrays.fill(b.value().data, 3.0);
        new Initializer(InitConfig.of(InitScheme.GLOROT_UNIFORM, 9)).initializeLinear(w, b);
        double bound = Math.sqrt(6.0 / 10);
        SplittableRandom rng = new SplittableRandom(9).split();
        for (double v : w.value().data) {
            assertThat(v).isEqualTo(bound * (2 * rng.nextDouble() - 1));
        }
        assertThat(b.value().data).containsOnly(0.0);
        new Initializer(InitConfig.of(InitScheme.IDENTITY, 9)).initializeLinear(w, null);
        for (double v : w.value().data) {
            assertThat(Math.abs(v)).isLessThan(10 * Initializer.IDENTITY_INPUT_STD).isNotZero();
        }
    }

    @Test
    void spectralRadiusOfANonFiniteMatrixIsNaN() {
        assertThat(Initializer.spectralRadius(new double[] {1, 0, 0, Double.NaN}, 2)).isNaN();
        assertThat(Initializer.spectralRadius(new double[] {Double.POSITIVE_INFINITY}, 1)).isNaN();
    }

    @Test
    void linearRejectsABiasOfTheWrongSize() {
        Initializer in = new Initializer(InitConfig.pytorchDefault(1));
        assertThatThrownBy(() -> in.initializeLinear(new Param("w", 3, 2), new Param("b", 1, 2)))
                .hasMessage("bias 'b' must hold 3 values (the rows of 'w'), was 2");
        assertThatThrownBy(() -> in.initializeLinear(null, null)).hasMessageContaining("weight");
    }

    @Test
    void rejectsMissingArguments() {
        assertThatThrownBy(() -> new Initializer(null)).hasMessageContaining("init config");
        assertThatThrownBy(() -> new Initializer(InitConfig.pytorchDefault(1)).initialize(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cell");
    }

    // ---- helpers ----

    private static DMatrixRMaj block(double[] whh, int g, int h) {
        DMatrixRMaj m = new DMatrixRMaj(h, h);
        System.arraycopy(whh, g * h * h, m.data, 0, h * h);
        return m;
    }

    private static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        double d = 0;
        for (int k = 0; k < a.data.length; k++) {
            d = Math.max(d, Math.abs(a.data[k] - b.data[k]));
        }
        return d;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}

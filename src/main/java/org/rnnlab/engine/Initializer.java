package org.rnnlab.engine;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Writes a cell's initial weights as an {@link InitConfig} says, then calls
 * {@link RecurrentCell#markChanged()}.
 *
 * <h2>Schemes</h2> (H hidden size, X input size, a gate block is the H rows of one gate)
 * <ul>
 *   <li>{@link InitScheme#PYTORCH_DEFAULT}: every element of every parameter ~ U(−1/√H, 1/√H).</li>
 *   <li>{@link InitScheme#GLOROT_UNIFORM}: weight_ih ~ U(±√(6/(X+H))), weight_hh ~ U(±√(6/(H+H)))
 *       (per gate block: fan_in X or H, fan_out H); biases 0. X. Glorot, Y. Bengio, "Understanding
 *       the difficulty of training deep feedforward neural networks", AISTATS 2010.</li>
 *   <li>{@link InitScheme#ORTHOGONAL}: weight_ih Glorot as above; each gate block of weight_hh is Q
 *       from the QR decomposition A = QR of an H × H matrix of N(0, 1) draws, with column j of Q
 *       multiplied by sign(R_jj) so that Q is uniformly (Haar) distributed, as
 *       {@code torch.nn.init.orthogonal_}; biases 0. A. Saxe, J. McClelland, S. Ganguli, "Exact
 *       solutions to the nonlinear dynamics of learning in deep linear neural networks", ICLR 2014.</li>
 *   <li>{@link InitScheme#IDENTITY}: weight_ih ~ N(0, σ²), σ = {@value #IDENTITY_INPUT_STD}; each
 *       gate block of weight_hh = I; biases 0. Q. V. Le, N. Jaitly, G. E. Hinton, "A Simple Way to
 *       Initialize Recurrent Networks of Rectified Linear Units", arXiv:1504.00941, 2015.</li>
 * </ul>
 *
 * <h2>Order of the draws</h2>
 * Every random number comes from one {@code new SplittableRandom(seed)}, in this order, so the
 * same config gives bit-identical weights on every machine (only {@link StrictMath} is used on
 * the draws):
 * <ol>
 *   <li>weight_ih, all G·H·X elements in row-major order (gate blocks in gate order);</li>
 *   <li>weight_hh: element by element in row-major order (PyTorch default, Glorot); for
 *       orthogonal, per gate block in gate order, the H·H Gaussians of A in row-major order; none
 *       for identity;</li>
 *   <li>bias_ih then bias_hh, row-major (PyTorch default only).</li>
 * </ol>
 * A uniform U(−b, b) value is b·(2u − 1) with u = {@code nextDouble()}. A normal value takes two
 * uniforms u1, u2 (Box–Muller, cosine branch only): √(−2 ln(1 − u1)) · cos(2π u2).
 *
 * <h2>After the draws</h2> (no further random numbers)
 * <ol>
 *   <li>If {@link InitConfig#spectralRadius()} is set, the spectral radius ρ of each gate block of
 *       weight_hh is measured (see {@link #spectralRadius(double[], int, int)}) and the block is
 *       multiplied by r/ρ; {@link #drawnSpectralRadii()} returns the ρ measured before scaling.</li>
 *   <li>If {@link InitConfig#forgetBias()} is set, the forget block of bias_ih is set to it and
 *       that of bias_hh to 0. Only an LSTM with a forget gate has one: for any other cell a set
 *       forget bias is rejected with an IllegalArgumentException (rather than silently ignored),
 *       before any weight is written. The draws are the same with or without it.</li>
 * </ol>
 */
public final class Initializer {
    /** σ of the input weights under {@link InitScheme#IDENTITY}, Le et al.'s 0.001. */
    public static final double IDENTITY_INPUT_STD = 0.001;

    private final InitConfig config;
    private double[] drawnRadii = new double[0];

    public Initializer(InitConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("init config must be given, was null");
        }
        this.config = config;
    }

    public InitConfig config() {
        return config;
    }

    /**
     * Overwrites all four parameters of {@code cell} (values only, gradients untouched) and calls
     * {@code cell.markChanged()}.
     *
     * @throws IllegalArgumentException if a forget bias is set and the cell is not an LSTM with a
     *                                  forget gate
     * @throws IllegalStateException    if a spectral radius is requested and a gate block's
     *                                  radius as drawn is 0 or cannot be computed
     */
    public void initialize(RecurrentCell cell) {
        if (cell == null) {
            throw new IllegalArgumentException("cell must be given, was null");
        }
        CellConfig cc = cell.config();
        int forgetGate = cc.kind() == CellKind.LSTM ? cc.gateIndex("f") : -1;
        if (config.setsForgetBias() && forgetGate < 0) {
            throw new IllegalArgumentException("forget bias applies only to an LSTM with a forget gate, the cell is "
                    + cc.label() + "; forget bias was " + config.forgetBias() + " (use NaN to leave the biases as drawn)");
        }
        int h = cc.hiddenSize();
        int x = cc.inputSize();
        int gates = cc.gateCount();
        double[] wih = cell.weightIh().value().data;
        double[] whh = cell.weightHh().value().data;
        double[] bih = cell.biasIh().value().data;
        double[] bhh = cell.biasHh().value().data;
        SplittableRandom rng = new SplittableRandom(config.seed());

        switch (config.scheme()) {
            case PYTORCH_DEFAULT -> {
                double bound = 1.0 / Math.sqrt(h);
                fillUniform(rng, bound, wih);
                fillUniform(rng, bound, whh);
                fillUniform(rng, bound, bih);
                fillUniform(rng, bound, bhh);
            }
            case GLOROT_UNIFORM -> {
                fillUniform(rng, glorotBound(x, h), wih);
                fillUniform(rng, glorotBound(h, h), whh);
                Arrays.fill(bih, 0.0);
                Arrays.fill(bhh, 0.0);
            }
            case ORTHOGONAL -> {
                fillUniform(rng, glorotBound(x, h), wih);
                for (int g = 0; g < gates; g++) {
                    orthogonal(rng, h, h, whh, g * h * h);
                }
                Arrays.fill(bih, 0.0);
                Arrays.fill(bhh, 0.0);
            }
            case IDENTITY -> {
                fillNormal(rng, IDENTITY_INPUT_STD, wih);
                Arrays.fill(whh, 0.0);
                for (int g = 0; g < gates; g++) {
                    for (int j = 0; j < h; j++) {
                        whh[(g * h + j) * h + j] = 1.0;
                    }
                }
                Arrays.fill(bih, 0.0);
                Arrays.fill(bhh, 0.0);
            }
        }

        try {
            drawnRadii = new double[0];
            if (config.scalesSpectralRadius()) {
                drawnRadii = scaleBlocks(whh, gates, h, config.spectralRadius());
            }
            if (config.setsForgetBias()) {
                Arrays.fill(bih, forgetGate * h, (forgetGate + 1) * h, config.forgetBias());
                Arrays.fill(bhh, forgetGate * h, (forgetGate + 1) * h, 0.0);
            }
        } finally {
            cell.markChanged();
        }
    }

    /**
     * The spectral radius of each gate block of weight_hh as drawn, before the last
     * {@link #initialize(RecurrentCell)} scaled it; empty if that call did not scale (the current
     * radii are then {@link #spectralRadii(RecurrentCell)}).
     */
    public double[] drawnSpectralRadii() {
        return drawnRadii.clone();
    }

    /**
     * Initialises a dense layer y = W x + b, W [out × in] (a readout, say) under this config's
     * scheme from its own generator {@code new SplittableRandom(seed).split()}, independent of the
     * cell's stream: PyTorch default as {@code nn.Linear} (W and b ~ U(±1/√in), W first), Glorot
     * (W ~ U(±√(6/(in+out))), b = 0), orthogonal (W semi-orthogonal as
     * {@code torch.nn.init.orthogonal_}, b = 0), identity (W ~ N(0, 0.001²), b = 0). The spectral
     * radius and forget bias of the config do not apply. Values only; the caller calls
     * {@link ParamGroup#markChanged()} on the group that owns them.
     *
     * @param weight W, [out × in]
     * @param bias   b, [1 × out] or [out × 1], or null for none
     */
    public void initializeLinear(Param weight, Param bias) {
        initializeLinear(weight, bias, new SplittableRandom(config.seed()).split());
    }

    /** As {@link #initializeLinear(Param, Param)} with draws from {@code rng}: W first, then b. */
    public void initializeLinear(Param weight, Param bias, SplittableRandom rng) {
        if (weight == null) {
            throw new IllegalArgumentException("weight must be given, was null");
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must be given, was null");
        }
        int out = weight.rows();
        int in = weight.cols();
        if (bias != null && bias.size() != out) {
            throw new IllegalArgumentException("bias '" + bias.name() + "' must hold " + out
                    + " values (the rows of '" + weight.name() + "'), was " + bias.size());
        }
        double[] w = weight.value().data;
        double[] b = bias == null ? null : bias.value().data;
        switch (config.scheme()) {
            case PYTORCH_DEFAULT -> {
                double bound = 1.0 / Math.sqrt(in);
                fillUniform(rng, bound, w);
                if (b != null) {
                    fillUniform(rng, bound, b);
                }
                return;
            }
            case GLOROT_UNIFORM -> fillUniform(rng, glorotBound(in, out), w);
            case ORTHOGONAL -> orthogonal(rng, out, in, w, 0);
            case IDENTITY -> fillNormal(rng, IDENTITY_INPUT_STD, w);
        }
        if (b != null) {
            Arrays.fill(b, 0.0);
        }
    }

    // ---- spectral radius ----

    /**
     * The spectral radius max |λ| of the n × n row-major matrix stored at
     * {@code a[offset .. offset + n·n)}, over all eigenvalues, complex ones included (EJML's general
     * eigen decomposition). NaN if the matrix holds a non-finite value or the decomposition fails.
     * Allocates; meant for initialisation and the views, not a training loop.
     */
    public static double spectralRadius(double[] a, int offset, int n) {
        if (a == null) {
            throw new IllegalArgumentException("matrix must be given, was null");
        }
        if (n <= 0) {
            throw new IllegalArgumentException("matrix size n must be at least 1, was " + n);
        }
        if (offset < 0 || (long) offset + (long) n * n > a.length) {
            throw new IllegalArgumentException("a " + n + " × " + n + " block at offset " + offset
                    + " does not fit in an array of " + a.length);
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        System.arraycopy(a, offset, m.data, 0, n * n);
        for (double v : m.data) {
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(m)) {
            return Double.NaN;
        }
        double max = 0;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            max = Math.max(max, eig.getEigenvalue(i).getMagnitude());
        }
        return max;
    }

    /** The spectral radius of an n × n row-major matrix {@code a} (length n·n). */
    public static double spectralRadius(double[] a, int n) {
        if (a != null && a.length != n * n) {
            throw new IllegalArgumentException("matrix of size n = " + n + " must hold " + n * n
                    + " values, was " + a.length);
        }
        return spectralRadius(a, 0, n);
    }

    /** The spectral radius of each gate block of the cell's weight_hh, in gate order. */
    public static double[] spectralRadii(RecurrentCell cell) {
        if (cell == null) {
            throw new IllegalArgumentException("cell must be given, was null");
        }
        int h = cell.config().hiddenSize();
        int gates = cell.config().gateCount();
        double[] whh = cell.weightHh().value().data;
        double[] r = new double[gates];
        for (int g = 0; g < gates; g++) {
            r[g] = spectralRadius(whh, g * h * h, h);
        }
        return r;
    }

    /**
     * Scales each gate block of the cell's weight_hh so its spectral radius is {@code radius} (the
     * slider in the views), calls {@code cell.markChanged()}, and returns the radii before.
     *
     * @throws IllegalArgumentException unless radius is finite and > 0
     * @throws IllegalStateException    if a block's radius is 0 or cannot be computed; nothing is
     *                                  written then
     */
    public static double[] scaleToSpectralRadius(RecurrentCell cell, double radius) {
        if (cell == null) {
            throw new IllegalArgumentException("cell must be given, was null");
        }
        checkRadius(radius);
        double[] before = scaleBlocks(cell.weightHh().value().data, cell.config().gateCount(),
                cell.config().hiddenSize(), radius);
        cell.markChanged();
        return before;
    }

    private static double[] scaleBlocks(double[] whh, int gates, int h, double radius) {
        double[] before = new double[gates];
        for (int g = 0; g < gates; g++) {
            before[g] = spectralRadius(whh, g * h * h, h);
            if (!(before[g] > 0 && before[g] < Double.POSITIVE_INFINITY)) {
                throw new IllegalStateException("cannot scale gate block " + g + " of weight_hh to spectral radius "
                        + radius + ": its spectral radius is " + before[g]);
            }
        }
        for (int g = 0; g < gates; g++) {
            double s = radius / before[g];
            for (int k = g * h * h, end = (g + 1) * h * h; k < end; k++) {
                whh[k] *= s;
            }
        }
        return before;
    }

    private static void checkRadius(double radius) {
        if (!(Double.isFinite(radius) && radius > 0)) {
            throw new IllegalArgumentException("spectral radius must be a finite number > 0, was " + radius);
        }
    }

    // ---- draws ----

    private static double glorotBound(int fanIn, int fanOut) {
        return Math.sqrt(6.0 / (fanIn + fanOut));
    }

    private static void fillUniform(SplittableRandom rng, double bound, double[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = bound * (2 * rng.nextDouble() - 1);
        }
    }

    private static double normal(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    private static void fillNormal(SplittableRandom rng, double std, double[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = std * normal(rng);
        }
    }

    /**
     * A rows × cols (semi-)orthogonal matrix written row-major at {@code out[off..]}, as
     * torch.nn.init.orthogonal_: Gaussian A drawn row-major, transposed if rows &lt; cols, reduced
     * QR, columns of Q times sign(R_jj) (+1 where R_jj = 0), transposed back.
     */
    private static void orthogonal(SplittableRandom rng, int rows, int cols, double[] out, int off) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < a.data.length; k++) {
            a.data[k] = normal(rng);
        }
        boolean wide = rows < cols;
        if (wide) {
            a = CommonOps_DDRM.transpose(a, null);
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(a.numRows, a.numCols);
        if (!qr.decompose(a.copy())) {
            throw new IllegalStateException("QR decomposition failed for a " + a.numRows + " × " + a.numCols + " matrix");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < q.numCols; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < q.numRows; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        if (wide) {
            q = CommonOps_DDRM.transpose(q, null);
        }
        System.arraycopy(q.data, 0, out, off, rows * cols);
    }
}

package org.rnnlab.engine;

/**
 * What one backward tick computed, immutable: the total gradient at h_t (and c_t), the gradient
 * passed on to h_{t−1} (and c_{t−1}) and to x_t, their norms over the batch, and on request the
 * Jacobian ∂h_t/∂h_{t−1} of one batch row with its largest singular value (the factor by which
 * this tick can at most stretch a gradient).
 */
public final class BackwardTrace {
    private final int tick;
    private final int hidden;
    private final double[] dh;
    private final double[] dc;
    private final double[] dhPrev;
    private final double[] dcPrev;
    private final double[] dx;
    private final double dhNorm;
    private final double dcNorm;
    private final double[][] jacobian;
    private final double jacobianNorm;

    BackwardTrace(int tick, int hidden, double[] dh, double[] dc, double[] dhPrev, double[] dcPrev, double[] dx,
                  double[][] jacobian) {
        this.tick = tick;
        this.hidden = hidden;
        this.dh = dh;
        this.dc = dc;
        this.dhPrev = dhPrev;
        this.dcPrev = dcPrev;
        this.dx = dx;
        this.dhNorm = Math.sqrt(MatOps.sumSquares(dh, 0, dh.length));
        this.dcNorm = dc == null ? Double.NaN : Math.sqrt(MatOps.sumSquares(dc, 0, dc.length));
        this.jacobian = jacobian;
        this.jacobianNorm = jacobian == null ? Double.NaN : RecurrentCell.largestSingularValue(jacobian);
    }

    public int tick() {
        return tick;
    }

    /** Total dL/dh_t[b][j]. */
    public double dh(int b, int j) {
        return dh[b * hidden + j];
    }

    /** Total dL/dc_t[b][j]; NaN without a cell state. */
    public double dc(int b, int j) {
        return dc == null ? Double.NaN : dc[b * hidden + j];
    }

    /** ||dL/dh_t|| over the batch. */
    public double dhNorm() {
        return dhNorm;
    }

    /** ||dL/dc_t|| over the batch; NaN without a cell state. */
    public double dcNorm() {
        return dcNorm;
    }

    /** The gradient this tick sends to h_{t−1}, [B × H] (a copy). */
    public double[] dhPrev() {
        return dhPrev.clone();
    }

    /** The gradient this tick sends to c_{t−1}, [B × H], or null. */
    public double[] dcPrev() {
        return dcPrev == null ? null : dcPrev.clone();
    }

    /** dL/dx_t, [B × X] (a copy). */
    public double[] dx() {
        return dx.clone();
    }

    public boolean hasJacobian() {
        return jacobian != null;
    }

    /** J[j][k] = ∂h_t[j]/∂h_{t−1}[k] for the requested batch row, or null. */
    public double[][] jacobian() {
        if (jacobian == null) {
            return null;
        }
        double[][] r = new double[jacobian.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = jacobian[i].clone();
        }
        return r;
    }

    /** Largest singular value of the Jacobian, or NaN when not requested. */
    public double jacobianNorm() {
        return jacobianNorm;
    }
}

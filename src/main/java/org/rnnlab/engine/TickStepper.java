package org.rnnlab.engine;

/**
 * The step API in its plainest form: one forward tick from x_t and the previous state to an
 * immutable {@link StepTrace}; one backward tick from that trace and the gradients arriving at
 * h_t (and c_t) to a {@link BackwardTrace}, accumulating the cell's weight gradients.
 *
 * <p>It runs the cell's own tick kernels on a one-tick {@link Unroll}; a whole sequence is the
 * same kernels in a loop ({@link RecurrentCell#forwardSequence}).
 */
public final class TickStepper {
    private final RecurrentCell cell;
    private final int batch;
    private final Unroll u;

    public TickStepper(RecurrentCell cell, int batch) {
        this.cell = cell;
        this.batch = batch;
        this.u = cell.newUnroll(1, batch);
    }

    /**
     * One forward tick.
     *
     * @param t    the tick's index, recorded in the trace
     * @param x    x_t, [B × X]
     * @param prev the state after tick t − 1
     */
    public StepTrace forward(int t, double[] x, CellState prev) {
        CellConfig cfg = cell.config();
        checkLength("x", x, batch * cfg.inputSize());
        checkLength("h", prev.h(), batch * cfg.hiddenSize());
        u.setInputs(x);
        u.setInitialState(prev.h(), prev.c());
        cell.forwardTick(u, 0);
        return new StepTrace(cell, u, 0, t);
    }

    /**
     * One backward tick: loads the trace, adds dhNext + dhLoss at h_t (dcNext at c_t), runs the
     * cell's backward kernel and adds tick t's weight gradients to the cell's grads.
     *
     * @param trace    the forward tick
     * @param dhNext   gradient arriving at h_t from tick t + 1, [B × H] (null = 0)
     * @param dcNext   gradient arriving at c_t from tick t + 1, [B × H] (null = 0)
     * @param dhLoss   the loss's own gradient at h_t, [B × H] (null = 0)
     * @param jacobianRow batch row whose Jacobian to compute, or −1 for none
     */
    public BackwardTrace backward(StepTrace trace, double[] dhNext, double[] dcNext, double[] dhLoss, int jacobianRow) {
        int n = batch * cell.config().hiddenSize();
        u.setInputs(trace.rawX());
        u.setInitialState(trace.rawHPrev(), trace.rawCPrev());
        System.arraycopy(trace.rawH(), 0, u.h, n, n);
        if (u.c != null) {
            System.arraycopy(trace.rawC(), 0, u.c, n, n);
            System.arraycopy(trace.tanhC, 0, u.tanhC, 0, n);
        }
        if (u.resetHidden != null) {
            System.arraycopy(trace.resetHidden, 0, u.resetHidden, 0, n);
        }
        System.arraycopy(trace.preI, 0, u.preI, 0, trace.preI.length);
        System.arraycopy(trace.preH, 0, u.preH, 0, trace.preH.length);
        System.arraycopy(trace.act, 0, u.act, 0, trace.act.length);
        u.forwardTicks = 1;
        u.beginBackward();
        if (dhNext != null) {
            checkLength("dhNext", dhNext, n);
            System.arraycopy(dhNext, 0, u.dh, n, n);
        }
        if (dcNext != null && u.dc != null) {
            checkLength("dcNext", dcNext, n);
            System.arraycopy(dcNext, 0, u.dc, n, n);
        }
        if (dhLoss != null) {
            checkLength("dhLoss", dhLoss, n);
            System.arraycopy(dhLoss, 0, u.dhLoss, 0, n);
        }
        double[][] jac = jacobianRow >= 0 ? cell.jacobian(u, 0, jacobianRow) : null;
        cell.backwardTick(u, 0);
        double[] dh = new double[n];
        double[] dhPrev = new double[n];
        u.copyHiddenGradient(0, dh);
        u.copyHiddenGradient(-1, dhPrev);
        double[] dc = null;
        double[] dcPrev = null;
        if (u.dc != null) {
            dc = new double[n];
            dcPrev = new double[n];
            u.copyCellGradient(0, dc);
            u.copyCellGradient(-1, dcPrev);
        }
        double[] dx = u.dx.clone();
        return new BackwardTrace(trace.tick(), cell.config().hiddenSize(), dh, dc, dhPrev, dcPrev, dx, jac);
    }

    private static void checkLength(String name, double[] a, int want) {
        if (a == null || a.length != want) {
            throw new IllegalArgumentException(name + " must hold B·" + (name.startsWith("x") ? "X" : "H") + " = "
                    + want + " values, had " + (a == null ? "null" : a.length));
        }
    }
}

package org.rnnlab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * One trainable tensor and its gradient, both EJML row-major matrices of the same shape
 * (a vector is a 1 × n matrix). Optimisers update {@link #value()} from {@link #grad()}.
 */
public final class Param {
    private final String name;
    private final DMatrixRMaj value;
    private final DMatrixRMaj grad;

    public Param(String name, int rows, int cols) {
        this.name = name;
        this.value = new DMatrixRMaj(rows, cols);
        this.grad = new DMatrixRMaj(rows, cols);
    }

    /** Another name for the same tensor and gradient (a stacked layer's {@code weight_ih_l1}). */
    Param(String name, Param of) {
        this.name = name;
        this.value = of.value;
        this.grad = of.grad;
    }

    public String name() {
        return name;
    }

    public DMatrixRMaj value() {
        return value;
    }

    public DMatrixRMaj grad() {
        return grad;
    }

    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }

    public int size() {
        return value.data.length;
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grad.data, 0.0);
    }
}

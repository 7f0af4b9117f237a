package org.rnnlab.io.keras;

import java.util.Arrays;

/** One stored weight array: its name in the file, its shape and its values (row-major, float64). */
public record Tensor(String name, int[] shape, double[] data) {

    /** "[3, 12]". */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** True when the shape is exactly {@code dims}. */
    public boolean hasShape(int... dims) {
        return Arrays.equals(shape, dims);
    }
}

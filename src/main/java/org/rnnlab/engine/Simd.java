package org.rnnlab.engine;

/**
 * Whether the engine's products and activations run on the JDK's Vector API
 * ({@code jdk.incubator.vector}, JDK 17: start the JVM with
 * {@code --add-modules jdk.incubator.vector}) or on the scalar kernels.
 *
 * <p>Both paths perform, for every output element, the same IEEE operations in the same order
 * (fused multiply-adds, {@link Math#fma}, in increasing order of the summed index), so results
 * are bit-identical whichever path runs. The property {@code rnnlab.simd=false} forces the
 * scalar path.
 */
public final class Simd {
    private Simd() {}

    /** True when the Vector API is in the boot layer and not disabled. */
    public static final boolean ENABLED = detect();

    /**
     * Whether the cells' backward pointwise loops use their SIMD twins; only tests turn it off,
     * to compare both forms bit for bit in one JVM.
     */
    static volatile boolean pointwise = ENABLED;

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("rnnlab.simd"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return SimdKernels.LANES >= 2;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** A one-line description for benchmark headers: the path and the vector width. */
    public static String describe() {
        return ENABLED ? "SIMD (jdk.incubator.vector, " + SimdKernels.LANES + " doubles per vector)"
                : "scalar (start the JVM with --add-modules jdk.incubator.vector for SIMD)";
    }
}

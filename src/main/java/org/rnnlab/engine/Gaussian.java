package org.rnnlab.engine;

import java.util.SplittableRandom;

/** Standard normal draws from a seeded generator (Box–Muller with StrictMath, so the draws are the same bits on every JVM; two uniforms per draw, no caching). */
public final class Gaussian {
    private Gaussian() {}

    public static double next(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log1p(-u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }
}

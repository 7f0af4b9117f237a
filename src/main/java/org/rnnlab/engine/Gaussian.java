package org.rnnlab.engine;

import java.util.SplittableRandom;

/** Standard normal draws from a seeded generator (Box–Muller, two uniforms per draw, no caching). */
public final class Gaussian {
    private Gaussian() {}

    public static double next(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}

package org.rnnlab.task;

import java.util.SplittableRandom;
import org.rnnlab.engine.SequenceModel;

/** Test models with every weight drawn from U(−1, 1), seeded, so that their outputs are far from trivial. */
final class RandomWeights {
    private RandomWeights() {}

    static SequenceModel fill(SequenceModel m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (var p : m.params()) {
            double[] a = p.value().data;
            for (int i = 0; i < a.length; i++) {
                a[i] = 2 * rng.nextDouble() - 1;
            }
        }
        m.markChanged();
        return m;
    }
}

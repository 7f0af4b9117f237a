package org.rnnlab.engine;

import java.util.SplittableRandom;

/** Seeded batches and weights for the whole-model tests ({@link SequenceModel}, {@link DeepSequenceModel}). */
final class ModelTestSupport {
    private ModelTestSupport() {}

    /** Every parameter uniform in ±scale. */
    static void randomize(Model m, SplittableRandom r, double scale) {
        for (Param p : m.params()) {
            double[] a = p.value().data;
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextDouble(-scale, scale);
            }
        }
        m.markChanged();
    }

    /**
     * A batch of T ticks, B sequences: dense inputs in ±1 or token ids, targets in ±1 or classes,
     * the placement's mask (MASK: about two ticks in three, the last always).
     */
    static SequenceBatch batch(SplittableRandom r, LossKind loss, LossPlacement placement, int t, int bs,
                               boolean tokens, int x, int vocab, int y) {
        int tb = t * bs;
        double[] inputs = null;
        int[] ids = null;
        if (tokens) {
            ids = new int[tb];
            for (int i = 0; i < tb; i++) {
                ids[i] = r.nextInt(vocab);
            }
        } else {
            inputs = new double[tb * x];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = r.nextDouble(-1, 1);
            }
        }
        double[] mask = placement.mask(t, bs);
        if (placement == LossPlacement.MASK) {
            for (int i = 0; i < tb; i++) {
                mask[i] = r.nextInt(3) == 0 ? 0.0 : 1.0;
            }
            mask[tb - 1] = 1.0;
        }
        double[] targets = null;
        int[] classes = null;
        if (loss == LossKind.MSE) {
            targets = new double[tb * y];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = r.nextDouble(-1, 1);
            }
        } else {
            classes = new int[tb];
            for (int i = 0; i < tb; i++) {
                classes[i] = r.nextInt(y);
            }
        }
        return new SequenceBatch(t, bs, tokens ? vocab : x, inputs, ids, y, targets, classes, mask);
    }

    /** The same batch with other dense inputs. */
    static SequenceBatch withInputs(SequenceBatch b, double[] inputs) {
        return new SequenceBatch(b.steps(), b.batch(), b.inputSize(), inputs, null, b.outputSize(), b.targets(),
                b.classes(), b.lossMask(), b.stepMask());
    }

    /** Central differences of the model's loss on {@code batch} with respect to every element of {@code p}. */
    static double[] finiteDifferences(Model m, TaskBatch batch, Param p, double eps) {
        double[] w = p.value().data;
        double[] fd = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            double keep = w[k];
            w[k] = keep + eps;
            m.markChanged();
            double up = m.forwardLoss(batch);
            w[k] = keep - eps;
            m.markChanged();
            double down = m.forwardLoss(batch);
            w[k] = keep;
            m.markChanged();
            fd[k] = (up - down) / (2 * eps);
        }
        return fd;
    }
}

package org.rnnlab.engine;

import java.util.List;

/**
 * Two parameters (a 2 × 2 weight and a 1 × 3 bias) and the gradients of three steps, shared by
 * the optimiser tests and by the PyTorch script that made their reference numbers:
 *
 * <pre>
 * import torch; torch.set_default_dtype(torch.float64)          # torch 1.13.1 (Debian python3-torch)
 * p1 = torch.tensor(P1, requires_grad=True); p2 = torch.tensor(P2, requires_grad=True)
 * opt = torch.optim.Adam([p1, p2], lr=0.05)                      # or SGD / RMSprop as in each test
 * for g1, g2 in G: p1.grad = torch.tensor(g1); p2.grad = torch.tensor(g2); opt.step()
 * print(p1.flatten().tolist() + p2.flatten().tolist())           # repr of each float
 * </pre>
 */
final class OptimizerFixture {
    static final double[] P1 = {0.5, -1.25, 2.0, 0.125};
    static final double[] P2 = {0.3, -0.7, 1.1};
    static final double[][] G1 = {{0.1, -0.2, 0.3, -0.4}, {-0.3, 0.25, 0.0, 1.0}, {0.05, -0.6, 0.2, 0.7}};
    static final double[][] G2 = {{1.5, -2.5, 0.05}, {-0.5, 0.75, -1.25}, {2.0, 0.0, -0.1}};

    final Param w = new Param("w", 2, 2);
    final Param b = new Param("b", 1, 3);
    final List<Param> params = List.of(w, b);

    OptimizerFixture() {
        System.arraycopy(P1, 0, w.value().data, 0, 4);
        System.arraycopy(P2, 0, b.value().data, 0, 3);
    }

    /** Sets the gradients of step {@code s} (0-based). */
    void grads(int s) {
        System.arraycopy(G1[s], 0, w.grad().data, 0, 4);
        System.arraycopy(G2[s], 0, b.grad().data, 0, 3);
    }

    /** w then b, flattened: the layout of the reference rows. */
    double[] values() {
        double[] out = new double[7];
        System.arraycopy(w.value().data, 0, out, 0, 4);
        System.arraycopy(b.value().data, 0, out, 4, 3);
        return out;
    }

    /** Runs the three steps and returns the values after each. */
    double[][] run(Optimizer opt) {
        double[][] out = new double[3][];
        for (int s = 0; s < 3; s++) {
            grads(s);
            opt.step(params);
            out[s] = values();
        }
        return out;
    }
}

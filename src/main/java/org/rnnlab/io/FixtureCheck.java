package org.rnnlab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnnlab.engine.GateSpec;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.Unroll;

/**
 * Runs the engine on a {@link Fixture} through the tick API and compares every expected tensor
 * under the tolerance of shared/fixtures/FORMAT.md: per timestep slice (whole tensor for the
 * rest), max |engine − reference| ≤ 1e-9 · max |reference|.
 */
public final class FixtureCheck {
    /** The relative tolerance of FORMAT.md. */
    public static final double TOLERANCE = 1e-9;

    private FixtureCheck() {}

    /**
     * One tensor's comparison.
     *
     * @param tensor   e.g. "h", "gates.f", "grad.weight_hh"
     * @param worstRelative the largest over slices of max|diff| / max|ref| (0/0 counts as 0)
     * @param worstSlice    the timestep slice where it occurred, or −1 for a whole tensor
     */
    public record TensorResult(String tensor, double worstRelative, int worstSlice) {
        public boolean passed() {
            return worstRelative <= TOLERANCE;
        }
    }

    /** All comparisons of one fixture. */
    public record Result(String fixture, List<TensorResult> tensors) {
        public boolean passed() {
            return tensors.stream().allMatch(TensorResult::passed);
        }
    }

    /** The engine's outputs for a fixture's inputs, in the fixture's flat layouts. */
    public record Outputs(double loss, double[] h, double[] c, Map<String, double[]> gates, double[] dLdh,
                          double[] dLdc, Map<String, double[]> grad, double[] dLdx, double[] dLdh0,
                          double[] dLdc0) {
    }

    public static Result check(Fixture f) {
        Outputs o = run(f);
        Fixture.Expected e = f.expected();
        int t = f.steps();
        List<TensorResult> r = new ArrayList<>();
        r.add(new TensorResult("loss", relative(new double[] {o.loss()}, 0, new double[] {e.loss()}, 0, 1), -1));
        r.add(sliced("h", o.h(), e.h(), t));
        if (e.c() != null) {
            r.add(sliced("c", o.c(), e.c(), t));
        }
        for (String g : e.gates().keySet()) {
            r.add(sliced("gates." + g, o.gates().get(g), e.gates().get(g), t));
        }
        r.add(sliced("dL_dh", o.dLdh(), e.dLdh(), t));
        if (e.dLdc() != null) {
            r.add(sliced("dL_dc", o.dLdc(), e.dLdc(), t));
        }
        for (String p : e.grad().keySet()) {
            double[] want = e.grad().get(p);
            r.add(new TensorResult("grad." + p, relative(o.grad().get(p), 0, want, 0, want.length), -1));
        }
        r.add(sliced("dL_dx", o.dLdx(), e.dLdx(), t));
        r.add(new TensorResult("dL_dh0", relative(o.dLdh0(), 0, e.dLdh0(), 0, e.dLdh0().length), -1));
        if (e.dLdc0() != null) {
            r.add(new TensorResult("dL_dc0", relative(o.dLdc0(), 0, e.dLdc0(), 0, e.dLdc0().length), -1));
        }
        return new Result(f.name(), r);
    }

    /**
     * Runs the fixture: forward tick by tick, L = Σ u·h (+ Σ v·c_{T−1}), backward tick by tick.
     */
    public static Outputs run(Fixture f) {
        RecurrentCell cell = RecurrentCell.create(f.config());
        for (var p : cell.params()) {
            double[] src = f.weights().get(p.name());
            System.arraycopy(src, 0, p.value().data, 0, src.length);
        }
        cell.markChanged();
        int t = f.steps();
        int b = f.batch();
        int hid = f.config().hiddenSize();
        int x = f.config().inputSize();
        Unroll u = cell.newUnroll(t, b);
        u.setInputs(f.x());
        u.setInitialState(f.h0(), f.c0());
        for (int k = 0; k < t; k++) {
            cell.forwardTick(u, k);
        }
        int n = b * hid;
        double[] h = new double[t * n];
        double[] c = u.hasCellState() ? new double[t * n] : null;
        double[] buf = new double[n];
        double loss = 0;
        for (int k = 0; k < t; k++) {
            u.copyHidden(k, buf);
            System.arraycopy(buf, 0, h, k * n, n);
            for (int i = 0; i < n; i++) {
                loss += f.upstreamH()[k * n + i] * buf[i];
            }
            if (c != null) {
                u.copyCell(k, buf);
                System.arraycopy(buf, 0, c, k * n, n);
            }
        }
        if (c != null && f.upstreamCLast() != null) {
            for (int i = 0; i < n; i++) {
                loss += f.upstreamCLast()[i] * c[(t - 1) * n + i];
            }
        }
        java.util.LinkedHashMap<String, double[]> gates = new java.util.LinkedHashMap<>();
        List<GateSpec> specs = f.config().gates();
        for (int g = 0; g < specs.size(); g++) {
            double[] v = new double[t * n];
            for (int k = 0; k < t; k++) {
                for (int bb = 0; bb < b; bb++) {
                    for (int j = 0; j < hid; j++) {
                        v[(k * b + bb) * hid + j] = u.gate(k, g, bb, j);
                    }
                }
            }
            gates.put(specs.get(g).name(), v);
        }

        cell.zeroGrad();
        u.beginBackward();
        for (int k = 0; k < t; k++) {
            for (int bb = 0; bb < b; bb++) {
                u.addLossGradient(k, bb, f.upstreamH(), (k * b + bb) * hid);
            }
        }
        u.addFinalStateGradient(t - 1, null, f.upstreamCLast());
        for (int k = t - 1; k >= 0; k--) {
            cell.backwardTick(u, k);
        }
        double[] dh = new double[t * n];
        double[] dc = c != null ? new double[t * n] : null;
        for (int k = 0; k < t; k++) {
            u.copyHiddenGradient(k, buf);
            System.arraycopy(buf, 0, dh, k * n, n);
            if (dc != null) {
                u.copyCellGradient(k, buf);
                System.arraycopy(buf, 0, dc, k * n, n);
            }
        }
        double[] dh0 = new double[n];
        u.copyHiddenGradient(-1, dh0);
        double[] dc0 = null;
        if (c != null) {
            dc0 = new double[n];
            u.copyCellGradient(-1, dc0);
        }
        double[] dx = new double[t * b * x];
        for (int k = 0; k < t; k++) {
            for (int bb = 0; bb < b; bb++) {
                for (int i = 0; i < x; i++) {
                    dx[(k * b + bb) * x + i] = u.dx(k, bb, i);
                }
            }
        }
        java.util.LinkedHashMap<String, double[]> grads = new java.util.LinkedHashMap<>();
        for (var p : cell.params()) {
            grads.put(p.name(), p.grad().data.clone());
        }
        return new Outputs(loss, h, c, gates, dh, dc, grads, dx, dh0, dc0);
    }

    static TensorResult sliced(String name, double[] got, double[] want, int slices) {
        int len = want.length / slices;
        double worst = 0;
        int where = -1;
        for (int s = 0; s < slices; s++) {
            double r = relative(got, s * len, want, s * len, len);
            if (where < 0 || r > worst) {
                worst = r;
                where = s;
            }
        }
        return new TensorResult(name, worst, where);
    }

    /**
     * max|got − want| / max|want| over a range; 0 when both are exactly zero, ∞ when only want
     * is. A non-finite reference value must be matched exactly (NaN by NaN, ±Inf by the same
     * infinity) and does not count towards max|want|; any other non-finite value is ∞.
     */
    static double relative(double[] got, int gOff, double[] want, int wOff, int len) {
        double maxDiff = 0;
        double maxRef = 0;
        for (int i = 0; i < len; i++) {
            double g = got[gOff + i];
            double w = want[wOff + i];
            if (!Double.isFinite(g) || !Double.isFinite(w)) {
                if (Double.compare(g, w) != 0) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            maxDiff = Math.max(maxDiff, Math.abs(g - w));
            maxRef = Math.max(maxRef, Math.abs(w));
        }
        if (maxDiff == 0) {
            return 0;
        }
        return maxRef == 0 ? Double.POSITIVE_INFINITY : maxDiff / maxRef;
    }
}

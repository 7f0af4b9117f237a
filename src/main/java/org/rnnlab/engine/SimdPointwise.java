package org.rnnlab.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twins of the activations' array forms ({@link Activations}) and of the cells'
 * backward pointwise loops: every lane performs exactly the scalar path's operations, so the
 * bits are those of the scalar path. Loaded only when {@link Simd#ENABLED}; kept out of line by
 * {@link SimdKernels}'s JIT directive, like the products.
 */
final class SimdPointwise {
    private SimdPointwise() {}

    private static final VectorSpecies<Double> S = SimdKernels.S;
    private static final int LANES = SimdKernels.LANES;

    // ---- activations: the same operations as Activations' scalar forms, lane by lane ----
    //
    // One loop per function and input form, its body written out in full, and only one kind of
    // bit manipulation (building 2^k): vectors passed through helpers C2 does not inline, merged
    // at branches, or reinterpreted through shared library paths whose type profile has become
    // polymorphic are boxed, an allocation per vector.

    /** 1023 − bits(1.5·2⁵²): added to bits(t) it gives the biased exponent of 2^k. */
    private static final long BIAS_MINUS_SHIFTER = 1023L - Activations.SHIFTER_BITS;

    /** σ of a (+ b) lane by lane; returns the count done (a multiple of the vector length). */
    static int sigmoid(double[] a, int ao, double[] b, int bo, double[] out, int oo, int len) {
        return b == null ? sigmoid1(a, ao, out, oo, len) : sigmoid2(a, ao, b, bo, out, oo, len);
    }

    /** tanh of a (+ b) lane by lane; returns the count done. */
    static int tanh(double[] a, int ao, double[] b, int bo, double[] out, int oo, int len) {
        return b == null ? tanh1(a, ao, out, oo, len) : tanh2(a, ao, b, bo, out, oo, len);
    }

    /** σ(a), as Activations.sigmoid. */
    private static int sigmoid1(double[] a, int ao, double[] out, int oo, int len) {
        int n = len - len % LANES;
        DoubleVector c2 = DoubleVector.broadcast(S, Activations.C2);
        DoubleVector c3 = DoubleVector.broadcast(S, Activations.C3);
        DoubleVector c4 = DoubleVector.broadcast(S, Activations.C4);
        DoubleVector c5 = DoubleVector.broadcast(S, Activations.C5);
        DoubleVector c6 = DoubleVector.broadcast(S, Activations.C6);
        DoubleVector c7 = DoubleVector.broadcast(S, Activations.C7);
        DoubleVector c8 = DoubleVector.broadcast(S, Activations.C8);
        DoubleVector c9 = DoubleVector.broadcast(S, Activations.C9);
        DoubleVector c10 = DoubleVector.broadcast(S, Activations.C10);
        DoubleVector c11 = DoubleVector.broadcast(S, Activations.C11);
        DoubleVector ln2Hi = DoubleVector.broadcast(S, Activations.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(S, Activations.LN2_LO);
        for (int i = 0; i < n; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y0 = x.abs().neg();
            DoubleVector y = y0.max(Activations.EXP_MIN_ARG);
            DoubleVector t = y.fma(Activations.INV_LN2, Activations.SHIFTER);
            DoubleVector nk = t.sub(Activations.SHIFTER).neg();
            DoubleVector r = nk.fma(ln2Hi, y);
            r = nk.fma(ln2Lo, r);
            DoubleVector p = r.fma(Activations.C13, Activations.C12);
            p = p.fma(r, c11);
            p = p.fma(r, c10);
            p = p.fma(r, c9);
            p = p.fma(r, c8);
            p = p.fma(r, c7);
            p = p.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            DoubleVector q = r.mul(r).fma(p, r);
            // 2^k: k sits in the low bits of t; the only bit manipulation in this class
            DoubleVector s = t.reinterpretAsLongs().add(BIAS_MINUS_SHIFTER).lanewise(VectorOperators.LSHL, 52)
                    .reinterpretAsDoubles();
            DoubleVector e = q.add(1.0).mul(s).blend(0.0, y0.compare(VectorOperators.LT, Activations.EXP_MIN_ARG));
            e.blend(1.0, x.compare(VectorOperators.GE, 0.0)).div(e.add(1.0)).intoArray(out, oo + i);
        }
        return n;
    }

    /** σ(a + b). */
    private static int sigmoid2(double[] a, int ao, double[] b, int bo, double[] out, int oo, int len) {
        int n = len - len % LANES;
        DoubleVector c2 = DoubleVector.broadcast(S, Activations.C2);
        DoubleVector c3 = DoubleVector.broadcast(S, Activations.C3);
        DoubleVector c4 = DoubleVector.broadcast(S, Activations.C4);
        DoubleVector c5 = DoubleVector.broadcast(S, Activations.C5);
        DoubleVector c6 = DoubleVector.broadcast(S, Activations.C6);
        DoubleVector c7 = DoubleVector.broadcast(S, Activations.C7);
        DoubleVector c8 = DoubleVector.broadcast(S, Activations.C8);
        DoubleVector c9 = DoubleVector.broadcast(S, Activations.C9);
        DoubleVector c10 = DoubleVector.broadcast(S, Activations.C10);
        DoubleVector c11 = DoubleVector.broadcast(S, Activations.C11);
        DoubleVector ln2Hi = DoubleVector.broadcast(S, Activations.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(S, Activations.LN2_LO);
        for (int i = 0; i < n; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i).add(DoubleVector.fromArray(S, b, bo + i));
            DoubleVector y0 = x.abs().neg();
            DoubleVector y = y0.max(Activations.EXP_MIN_ARG);
            DoubleVector t = y.fma(Activations.INV_LN2, Activations.SHIFTER);
            DoubleVector nk = t.sub(Activations.SHIFTER).neg();
            DoubleVector r = nk.fma(ln2Hi, y);
            r = nk.fma(ln2Lo, r);
            DoubleVector p = r.fma(Activations.C13, Activations.C12);
            p = p.fma(r, c11);
            p = p.fma(r, c10);
            p = p.fma(r, c9);
            p = p.fma(r, c8);
            p = p.fma(r, c7);
            p = p.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            DoubleVector q = r.mul(r).fma(p, r);
            // 2^k: k sits in the low bits of t; the only bit manipulation in this class
            DoubleVector s = t.reinterpretAsLongs().add(BIAS_MINUS_SHIFTER).lanewise(VectorOperators.LSHL, 52)
                    .reinterpretAsDoubles();
            DoubleVector e = q.add(1.0).mul(s).blend(0.0, y0.compare(VectorOperators.LT, Activations.EXP_MIN_ARG));
            e.blend(1.0, x.compare(VectorOperators.GE, 0.0)).div(e.add(1.0)).intoArray(out, oo + i);
        }
        return n;
    }

    /** tanh(a), as Activations.tanh. */
    private static int tanh1(double[] a, int ao, double[] out, int oo, int len) {
        int n = len - len % LANES;
        DoubleVector c2 = DoubleVector.broadcast(S, Activations.C2);
        DoubleVector c3 = DoubleVector.broadcast(S, Activations.C3);
        DoubleVector c4 = DoubleVector.broadcast(S, Activations.C4);
        DoubleVector c5 = DoubleVector.broadcast(S, Activations.C5);
        DoubleVector c6 = DoubleVector.broadcast(S, Activations.C6);
        DoubleVector c7 = DoubleVector.broadcast(S, Activations.C7);
        DoubleVector c8 = DoubleVector.broadcast(S, Activations.C8);
        DoubleVector c9 = DoubleVector.broadcast(S, Activations.C9);
        DoubleVector c10 = DoubleVector.broadcast(S, Activations.C10);
        DoubleVector c11 = DoubleVector.broadcast(S, Activations.C11);
        DoubleVector ln2Hi = DoubleVector.broadcast(S, Activations.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(S, Activations.LN2_LO);
        for (int i = 0; i < n; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = x.abs().mul(-2.0).max(Activations.TANH_MIN_ARG);
            DoubleVector t = y.fma(Activations.INV_LN2, Activations.SHIFTER);
            DoubleVector nk = t.sub(Activations.SHIFTER).neg();
            DoubleVector r = nk.fma(ln2Hi, y);
            r = nk.fma(ln2Lo, r);
            DoubleVector p = r.fma(Activations.C13, Activations.C12);
            p = p.fma(r, c11);
            p = p.fma(r, c10);
            p = p.fma(r, c9);
            p = p.fma(r, c8);
            p = p.fma(r, c7);
            p = p.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            DoubleVector q = r.mul(r).fma(p, r);
            // 2^k: k sits in the low bits of t; the only bit manipulation in this class
            DoubleVector s = t.reinterpretAsLongs().add(BIAS_MINUS_SHIFTER).lanewise(VectorOperators.LSHL, 52)
                    .reinterpretAsDoubles();
            DoubleVector em = q.fma(s, s.sub(1.0));
            DoubleVector th = em.neg().div(em.add(2.0)).abs();
            th.blend(th.neg(), x.compare(VectorOperators.LT, 0.0)).blend(x, x.compare(VectorOperators.EQ, 0.0))
                    .intoArray(out, oo + i);
        }
        return n;
    }

    /** tanh(a + b). */
    private static int tanh2(double[] a, int ao, double[] b, int bo, double[] out, int oo, int len) {
        int n = len - len % LANES;
        DoubleVector c2 = DoubleVector.broadcast(S, Activations.C2);
        DoubleVector c3 = DoubleVector.broadcast(S, Activations.C3);
        DoubleVector c4 = DoubleVector.broadcast(S, Activations.C4);
        DoubleVector c5 = DoubleVector.broadcast(S, Activations.C5);
        DoubleVector c6 = DoubleVector.broadcast(S, Activations.C6);
        DoubleVector c7 = DoubleVector.broadcast(S, Activations.C7);
        DoubleVector c8 = DoubleVector.broadcast(S, Activations.C8);
        DoubleVector c9 = DoubleVector.broadcast(S, Activations.C9);
        DoubleVector c10 = DoubleVector.broadcast(S, Activations.C10);
        DoubleVector c11 = DoubleVector.broadcast(S, Activations.C11);
        DoubleVector ln2Hi = DoubleVector.broadcast(S, Activations.LN2_HI);
        DoubleVector ln2Lo = DoubleVector.broadcast(S, Activations.LN2_LO);
        for (int i = 0; i < n; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i).add(DoubleVector.fromArray(S, b, bo + i));
            DoubleVector y = x.abs().mul(-2.0).max(Activations.TANH_MIN_ARG);
            DoubleVector t = y.fma(Activations.INV_LN2, Activations.SHIFTER);
            DoubleVector nk = t.sub(Activations.SHIFTER).neg();
            DoubleVector r = nk.fma(ln2Hi, y);
            r = nk.fma(ln2Lo, r);
            DoubleVector p = r.fma(Activations.C13, Activations.C12);
            p = p.fma(r, c11);
            p = p.fma(r, c10);
            p = p.fma(r, c9);
            p = p.fma(r, c8);
            p = p.fma(r, c7);
            p = p.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            DoubleVector q = r.mul(r).fma(p, r);
            // 2^k: k sits in the low bits of t; the only bit manipulation in this class
            DoubleVector s = t.reinterpretAsLongs().add(BIAS_MINUS_SHIFTER).lanewise(VectorOperators.LSHL, 52)
                    .reinterpretAsDoubles();
            DoubleVector em = q.fma(s, s.sub(1.0));
            DoubleVector th = em.neg().div(em.add(2.0)).abs();
            th.blend(th.neg(), x.compare(VectorOperators.LT, 0.0)).blend(x, x.compare(VectorOperators.EQ, 0.0))
                    .intoArray(out, oo + i);
        }
        return n;
    }

    // ---- backward pointwise kernels: the cells' scalar loops, lane by lane, same operation order ----

    /**
     * One batch row of {@link LstmCell}'s backward pointwise loop for units [0, n), n the
     * vector-sized prefix of H; returns n. Offsets as in the cell (of &lt; 0: no forget gate).
     */
    static int lstmBackward(int hidden, double[] act, int row, int oi, int of, int og, int oo, double[] tanhC,
                            int tick, double[] dh, double[] dc, int next, int prev, double[] c, double[] dPre) {
        int n = hidden - hidden % LANES;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int j = 0; j < n; j += LANES) {
            DoubleVector i = DoubleVector.fromArray(S, act, row + oi + j);
            DoubleVector g = DoubleVector.fromArray(S, act, row + og + j);
            DoubleVector o = DoubleVector.fromArray(S, act, row + oo + j);
            DoubleVector tc = DoubleVector.fromArray(S, tanhC, tick + j);
            DoubleVector dhT = DoubleVector.fromArray(S, dh, next + j);
            DoubleVector dcT = DoubleVector.fromArray(S, dc, next + j)
                    .add(dhT.mul(o).mul(one.sub(tc.mul(tc))));
            dcT.intoArray(dc, next + j);
            dcT.mul(g).mul(i.mul(one.sub(i))).intoArray(dPre, row + oi + j);
            dcT.mul(i).mul(one.sub(g.mul(g))).intoArray(dPre, row + og + j);
            dhT.mul(tc).mul(o.mul(one.sub(o))).intoArray(dPre, row + oo + j);
            DoubleVector dcPrev = DoubleVector.fromArray(S, dc, prev + j);
            if (of >= 0) {
                DoubleVector f = DoubleVector.fromArray(S, act, row + of + j);
                dcT.mul(DoubleVector.fromArray(S, c, prev + j)).mul(f.mul(one.sub(f)))
                        .intoArray(dPre, row + of + j);
                dcPrev.add(dcT.mul(f)).intoArray(dc, prev + j);
            } else {
                dcPrev.add(dcT).intoArray(dc, prev + j);
            }
        }
        return n;
    }

    /** One batch row of {@link GruCell}'s backward pointwise loop (PyTorch variant); returns n. */
    static int gruBackward(int hh, double[] act, double[] preH, int row, double[] h, double[] dh, int prev, int next,
                           double[] dPreI, double[] dPreH) {
        int n = hh - hh % LANES;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int j = 0; j < n; j += LANES) {
            DoubleVector r = DoubleVector.fromArray(S, act, row + j);
            DoubleVector z = DoubleVector.fromArray(S, act, row + hh + j);
            DoubleVector nn = DoubleVector.fromArray(S, act, row + 2 * hh + j);
            DoubleVector hPrev = DoubleVector.fromArray(S, h, prev + j);
            DoubleVector dhT = DoubleVector.fromArray(S, dh, next + j);
            DoubleVector dan = dhT.mul(one.sub(z)).mul(one.sub(nn.mul(nn)));
            DoubleVector daz = dhT.mul(hPrev.sub(nn)).mul(z.mul(one.sub(z)));
            daz.intoArray(dPreI, row + hh + j);
            daz.intoArray(dPreH, row + hh + j);
            dan.intoArray(dPreI, row + 2 * hh + j);
            DoubleVector.fromArray(S, dh, prev + j).add(dhT.mul(z)).intoArray(dh, prev + j);
            DoubleVector hn = DoubleVector.fromArray(S, preH, row + 2 * hh + j);
            DoubleVector dar = dan.mul(hn).mul(r.mul(one.sub(r)));
            dan.mul(r).intoArray(dPreH, row + 2 * hh + j);
            dar.intoArray(dPreI, row + j);
            dar.intoArray(dPreH, row + j);
        }
        return n;
    }

    /** {@link RnnCell}'s tanh backward: dPre = dh_next · (1 − y²) over len values; returns the count done. */
    static int tanhBackward(double[] act, int tick, double[] dh, int next, double[] dPre, int len) {
        int n = len - len % LANES;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int i = 0; i < n; i += LANES) {
            DoubleVector y = DoubleVector.fromArray(S, act, tick + i);
            DoubleVector.fromArray(S, dh, next + i).mul(one.sub(y.mul(y))).intoArray(dPre, tick + i);
        }
        return n;
    }

    // ---- forward pointwise steps: plain multiplies and adds, as the cells' scalar loops (no fma) ----

    /**
     * One batch row of {@link LstmCell}'s c_t = f ⊙ c_{t−1} + i ⊙ g for units [0, n), n the
     * vector-sized prefix of H (of &lt; 0: no forget gate, f ≡ 1, and 1·c is c); returns n.
     */
    static int lstmCell(int hidden, double[] act, int row, int oi, int of, int og, double[] c, int prev, int next) {
        int n = hidden - hidden % LANES;
        if (of >= 0) {
            for (int j = 0; j < n; j += LANES) {
                DoubleVector f = DoubleVector.fromArray(S, act, row + of + j);
                DoubleVector ig = DoubleVector.fromArray(S, act, row + oi + j).mul(DoubleVector.fromArray(S, act, row + og + j));
                f.mul(DoubleVector.fromArray(S, c, prev + j)).add(ig).intoArray(c, next + j);
            }
        } else {
            for (int j = 0; j < n; j += LANES) {
                DoubleVector ig = DoubleVector.fromArray(S, act, row + oi + j).mul(DoubleVector.fromArray(S, act, row + og + j));
                DoubleVector.fromArray(S, c, prev + j).add(ig).intoArray(c, next + j);
            }
        }
        return n;
    }

    /** out = a ⊙ b over len values (an LSTM's h = o ⊙ tanh c); returns the count done. */
    static int mul(double[] a, int ao, double[] b, int bo, double[] out, int oo, int len) {
        int n = len - len % LANES;
        for (int i = 0; i < n; i += LANES) {
            DoubleVector.fromArray(S, a, ao + i).mul(DoubleVector.fromArray(S, b, bo + i)).intoArray(out, oo + i);
        }
        return n;
    }

    /** out = a + x ⊙ y over len values (the PyTorch GRU's n pre-activation); returns the count done. */
    static int addMul(double[] a, int ao, double[] x, int xo, double[] y, int yo, double[] out, int oo, int len) {
        int n = len - len % LANES;
        for (int i = 0; i < n; i += LANES) {
            DoubleVector xy = DoubleVector.fromArray(S, x, xo + i).mul(DoubleVector.fromArray(S, y, yo + i));
            DoubleVector.fromArray(S, a, ao + i).add(xy).intoArray(out, oo + i);
        }
        return n;
    }

    /** A GRU's h_t = (1 − z) ⊙ n + z ⊙ h_{t−1} over len values; returns the count done. */
    static int gruState(double[] z, int zo, double[] nn, int no, double[] hPrev, int po, double[] out, int oo, int len) {
        int n = len - len % LANES;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int i = 0; i < n; i += LANES) {
            DoubleVector zv = DoubleVector.fromArray(S, z, zo + i);
            DoubleVector keep = zv.mul(DoubleVector.fromArray(S, hPrev, po + i));
            one.sub(zv).mul(DoubleVector.fromArray(S, nn, no + i)).add(keep).intoArray(out, oo + i);
        }
        return n;
    }
}

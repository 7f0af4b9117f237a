package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle every optimiser shares: binding, reset, state and restore. */
class OptimizerTest {

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void restoredStateResumesBitForBit(OptimizerKind kind) {
        OptimizerFixture a = new OptimizerFixture();
        Optimizer first = kind.create(0.05);
        a.grads(0);
        first.step(a.params);
        a.grads(1);
        first.step(a.params);
        double[][] saved = first.state();
        double[] savedValues = a.values();
        a.grads(2);
        first.step(a.params);

        OptimizerFixture b = new OptimizerFixture();
        System.arraycopy(savedValues, 0, b.w.value().data, 0, 4);
        System.arraycopy(savedValues, 4, b.b.value().data, 0, 3);
        Optimizer second = kind.create(0.05);
        second.restore(b.params, saved);
        assertThat(second.stepCount()).isEqualTo(2);
        b.grads(2);
        second.step(b.params);

        assertThat(b.values()).containsExactly(a.values());
        assertThat(second.state()).isDeepEqualTo(first.state());
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void stateIsACopy(OptimizerKind kind) {
        OptimizerFixture f = new OptimizerFixture();
        Optimizer opt = kind.create(0.05);
        f.grads(0);
        opt.step(f.params);
        double[][] st = opt.state();
        for (double[] row : st) {
            java.util.Arrays.fill(row, 99);
        }
        assertThat(opt.stepCount()).isEqualTo(1);
        assertThat(opt.state()[0]).containsExactly(1.0);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void refusesAnotherParameterListUntilReset(OptimizerKind kind) {
        OptimizerFixture f = new OptimizerFixture();
        OptimizerFixture other = new OptimizerFixture();
        Optimizer opt = kind.create(0.05);
        f.grads(0);
        opt.step(f.params);
        other.grads(0);
        assertThatThrownBy(() -> opt.step(other.params)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset()");
        assertThatThrownBy(() -> opt.step(List.of(f.w))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> opt.step(List.of(f.b, f.w))).isInstanceOf(IllegalStateException.class);
        // an equal-looking list of the same objects is fine: binding is by identity, not by list
        opt.step(List.of(f.w, f.b));

        opt.reset();
        assertThat(opt.stepCount()).isZero();
        assertThat(opt.state()).isDeepEqualTo(new double[][] {{0.0}});
        opt.step(other.params);
        assertThat(opt.stepCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void resetGivesTheSameRunAsANewOptimizer(OptimizerKind kind) {
        Optimizer opt = kind.create(0.05);
        new OptimizerFixture().run(opt);
        opt.reset();
        double[][] again = new OptimizerFixture().run(opt);
        double[][] fresh = new OptimizerFixture().run(kind.create(0.05));
        assertThat(again).isDeepEqualTo(fresh);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void restoringAFreshStateBindsWithZeroState(OptimizerKind kind) {
        Optimizer opt = kind.create(0.05);
        new OptimizerFixture().run(opt);
        OptimizerFixture f = new OptimizerFixture();
        opt.restore(f.params, kind.create(0.05).state());
        assertThat(opt.stepCount()).isZero();
        f.grads(0);
        opt.step(f.params);
        OptimizerFixture g = new OptimizerFixture();
        g.grads(0);
        kind.create(0.05).step(g.params);
        assertThat(f.values()).containsExactly(g.values());
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"MOMENTUM", "RMSPROP", "ADAM"})
    void rejectsAStateOfTheWrongShapeAndKeepsItsOwn(OptimizerKind kind) {
        OptimizerFixture f = new OptimizerFixture();
        Optimizer opt = kind.create(0.05);
        f.grads(0);
        opt.step(f.params);
        double[][] good = opt.state();

        double[][] shortRow = opt.state();
        shortRow[1] = new double[3];
        assertThatThrownBy(() -> opt.restore(f.params, shortRow)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'w'").hasMessageContaining("must hold 4 values, was 3");
        double[][] tooFew = {{1.0}, new double[4]};
        assertThatThrownBy(() -> opt.restore(f.params, tooFew)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arrays, was 2");
        assertThatThrownBy(() -> opt.restore(f.params, new double[][] {{-1.0}}))
                .hasMessageContaining("step count").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> opt.restore(f.params, new double[][] {{1.5}})).hasMessageContaining("1.5");
        assertThatThrownBy(() -> opt.restore(f.params, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(opt.state()).isDeepEqualTo(good);
    }

    /** Each slot array is checked at its own index, named by its parameter; counts are exact. */
    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"MOMENTUM", "RMSPROP", "ADAM"})
    void namesTheWrongArrayByIndexAndParameter(OptimizerKind kind) {
        OptimizerFixture f = new OptimizerFixture();
        Optimizer opt = kind.create(0.05);
        f.grads(0);
        opt.step(f.params);
        double[][] good = opt.state();
        int n = f.params.size();
        for (int k = 1; k < good.length; k++) {
            double[][] bad = opt.state();
            Param p = f.params.get((k - 1) % n);
            bad[k] = new double[p.size() + 1];
            assertThatThrownBy(() -> opt.restore(f.params, bad))
                    .hasMessage("optimizer state array " + k + " for parameter '" + p.name() + "' must hold "
                            + p.size() + " values, was " + (p.size() + 1));
        }
        assertThatThrownBy(() -> opt.restore(f.params, new double[][] {{1.0}, new double[4]}))
                .hasMessage("optimizer state for " + kind.title() + " over " + n + " parameters must hold "
                        + good.length + " arrays, was 2");
        // 2^53 is the largest whole step count a double holds exactly: refused only for its shape
        assertThatThrownBy(() -> opt.restore(f.params, new double[][] {{(double) (1L << 53)}}))
                .hasMessageContaining("arrays, was 1");
        assertThatThrownBy(() -> opt.restore(f.params, new double[][] {{(double) (1L << 54)}}))
                .hasMessageContaining("step count must be a whole number");
        assertThat(opt.state()).isDeepEqualTo(good);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void learningRateCanChangeBetweenStepsAndIsValidated(OptimizerKind kind) {
        Optimizer opt = kind.create(0.05);
        opt.setLearningRate(0.5);
        assertThat(opt.learningRate()).isEqualTo(0.5);
        assertThatThrownBy(() -> opt.setLearningRate(Double.NaN))
                .hasMessage("learning rate must be a finite number > 0, was NaN");
        assertThat(opt.learningRate()).isEqualTo(0.5);
        assertThat(opt.kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void readsButNeverWritesGradients(OptimizerKind kind) {
        OptimizerFixture f = new OptimizerFixture();
        f.grads(0);
        kind.create(0.05).step(f.params);
        assertThat(f.w.grad().data).containsExactly(OptimizerFixture.G1[0]);
        assertThat(f.b.grad().data).containsExactly(OptimizerFixture.G2[0]);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void stateIntoReusedArraysEqualsAFreshCopy(OptimizerKind kind) {
        OptimizerFixture a = new OptimizerFixture();
        Optimizer opt = kind.create(0.05);
        assertThat(opt.state(null)).isDeepEqualTo(new double[][] {{0.0}});
        a.grads(0);
        opt.step(a.params);
        double[][] reuse = opt.state();
        a.grads(1);
        opt.step(a.params);
        double[][] into = opt.state(reuse);
        assertThat(into).isSameAs(reuse).isDeepEqualTo(opt.state());
        double[][] wrongShape = {{0.0}, {1.0}, {2.0}, {3.0}, {4.0}};
        assertThat(opt.state(wrongShape)).isNotSameAs(wrongShape).isDeepEqualTo(opt.state());
    }
}

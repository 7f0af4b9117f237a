package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricAccumulatorTest {
    @Test
    void meanAndRootMeanSquare() {
        MetricAccumulator a = new MetricAccumulator();
        assertThat(a.value()).isNaN();
        a.add(1);
        a.add(5, 3);
        assertThat(a.value()).isEqualTo(1.5);
        assertThat(a.count()).isEqualTo(4);
        MetricAccumulator r = new MetricAccumulator();
        r.addSquaredError(9, 1);
        r.addSquaredError(16, 1);
        assertThat(r.value()).isEqualTo(Math.sqrt(12.5));
        assertThat(r.isRootMean()).isTrue();
        assertThatThrownBy(() -> r.add(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.addSquaredError(1, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void metricSolvedRespectsDirectionAndRefusesNonFinite() {
        Metric mse = new Metric("MSE", false, 0.01);
        assertThat(mse.solved(0.01)).isTrue();
        assertThat(mse.solved(0.011)).isFalse();
        assertThat(mse.solved(Double.NaN)).isFalse();
        Metric acc = new Metric("accuracy", true, 0.99);
        assertThat(acc.solved(0.995)).isTrue();
        assertThat(acc.solved(0.98)).isFalse();
    }
}

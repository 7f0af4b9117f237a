package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Unroll#doubles} is exactly what an unroll allocates, and sizes beyond an array are refused, not wrapped. */
class UnrollSizeTest {

    @ParameterizedTest
    @CsvSource({"rnn,pytorch,3,5,7,2", "lstm,pytorch,2,4,6,3", "gru,pytorch,1,8,3,5", "gru,cho,4,3,2,1", "rnn,pytorch,1,1,1,1"})
    void theCountIsWhatIsAllocated(String cell, String variant, int x, int h, int t, int b) {
        CellConfig cfg = CellConfig.of(CellKind.parse(cell), x, h);
        if (variant.equals("cho")) {
            cfg = cfg.withGruVariant(GruVariant.CHO_2014);
        }
        Unroll u = new Unroll(cfg, t, b);
        Map<double[], Boolean> seen = new IdentityHashMap<>();
        long total = 0;
        for (double[] a : new double[][] {u.x, u.h, u.c, u.preI, u.preH, u.act, u.tanhC, u.resetHidden, u.dhLoss, u.dh,
                u.dc, u.dPreI, u.dPreH, u.dx, u.scratch}) {
            if (a != null && seen.put(a, true) == null) {
                total += a.length;
            }
        }
        assertThat(Unroll.doubles(cfg, t, b)).isEqualTo(total);
    }

    @ParameterizedTest
    @CsvSource({"gru,1,1024,1000,4096", "lstm,1,1024,10000,4096", "rnn,1024,1,10000,4096"})
    void aProductBeyondAnArrayIsRefusedBeforeAllocating(String cell, int x, int h, int t, int b) {
        CellConfig cfg = CellConfig.of(CellKind.parse(cell), x, h);
        assertThat(Unroll.doubles(cfg, t, b)).isGreaterThan(Integer.MAX_VALUE);
        assertThatThrownBy(() -> new Unroll(cfg, t, b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("T=" + t).hasMessageContaining("B=" + b).hasMessageContaining("H=" + h);
    }

    @ParameterizedTest
    @CsvSource({"0,0,0", "3,4,12", "9223372036854775807,2,9223372036854775807", "4294967296,4294967296,9223372036854775807"})
    void arithmeticSaturates(long a, long b, long product) {
        assertThat(Unroll.times(a, b)).isEqualTo(product);
        assertThat(Unroll.times(b, a)).isEqualTo(product);
    }

    @ParameterizedTest
    @CsvSource({"0,0,0", "3,4,7", "9223372036854775807,1,9223372036854775807", "9223372036854775800,100,9223372036854775807"})
    void sumsSaturate(long a, long b, long sum) {
        assertThat(Unroll.plus(a, b)).isEqualTo(sum);
    }
}

package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.io.Fixture;
import org.rnnlab.io.FixtureCheck;
import org.rnnlab.io.FixtureReader;
import org.rnnlab.io.FormatException;

/**
 * Parity with the reference: every fixture in the test resources {@code fixtures/} (copied from
 * shared/fixtures) and {@code fixtures-extra/} (variants shared/ does not cover, see its README),
 * under the tolerance of FORMAT.md: per timestep slice (whole tensor for the rest), max |engine −
 * reference| ≤ 1e-9 · max |reference|.
 *
 * <p>The engine is driven here through the whole-sequence API and compared by this test's own
 * code; {@code verify} ({@link FixtureCheck}) drives it tick by tick and compares with its own.
 * Both must pass, so neither the driver nor the comparison can hide a fault of the other.
 */
class FixtureParityTest {
    static final double TOLERANCE = 1e-9;

    static Path resourceDir(String name) {
        URL url = FixtureParityTest.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource directory '" + name + "' not on the classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> fixtures(String dir) throws IOException {
        try (Stream<Path> s = Files.list(resourceDir(dir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    static Stream<Path> allFixtures() throws IOException {
        List<Path> all = new ArrayList<>(fixtures("fixtures"));
        all.addAll(fixtures("fixtures-extra"));
        return all.stream();
    }

    @Test
    void theFixturesArePresent() throws IOException {
        assertThat(fixtures("fixtures")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(fixtures("fixtures-extra")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFixtures")
    void everyTensorMatchesTheReferenceThroughTheSequenceApi(Path file) throws FormatException {
        Fixture f = FixtureReader.read(file);
        CellConfig cfg = f.config();
        int t = f.steps();
        int b = f.batch();
        int h = cfg.hiddenSize();
        int n = b * h;
        RecurrentCell cell = RecurrentCell.create(cfg);
        for (Param p : cell.params()) {
            double[] w = f.weights().get(p.name());
            assertThat(w).as(p.name()).hasSize(p.size());
            System.arraycopy(w, 0, p.value().data, 0, w.length);
        }
        cell.markChanged();
        Unroll un = cell.newUnroll(t, b);
        un.setInputs(f.x());
        un.setInitialState(f.h0(), f.c0());
        cell.forwardSequence(un);

        Fixture.Expected e = f.expected();
        List<String> failures = new ArrayList<>();
        double loss = 0;
        double[] buf = new double[n];
        for (int k = 0; k < t; k++) {
            un.copyHidden(k, buf);
            for (int i = 0; i < n; i++) {
                loss += f.upstreamH()[k * n + i] * buf[i];
            }
        }
        if (cfg.hasCellState() && f.upstreamCLast() != null) {
            un.copyCell(t - 1, buf);
            for (int i = 0; i < n; i++) {
                loss += f.upstreamCLast()[i] * buf[i];
            }
        }
        compare(failures, "loss", new double[] {loss}, new double[] {e.loss()}, 1);
        compare(failures, "h", perTick(t, n, (k, out) -> un.copyHidden(k, out)), e.h(), t);
        if (cfg.hasCellState()) {
            compare(failures, "c", perTick(t, n, (k, out) -> un.copyCell(k, out)), e.c(), t);
        }
        assertThat(e.gates().keySet()).containsExactlyElementsOf(cfg.gates().stream().map(GateSpec::name).toList());
        for (Map.Entry<String, double[]> g : e.gates().entrySet()) {
            int gi = cfg.gateIndex(g.getKey());
            double[] got = new double[t * n];
            for (int k = 0; k < t; k++) {
                for (int bb = 0; bb < b; bb++) {
                    for (int j = 0; j < h; j++) {
                        got[(k * b + bb) * h + j] = un.gate(k, gi, bb, j);
                    }
                }
            }
            compare(failures, "gates." + g.getKey(), got, g.getValue(), t);
        }

        cell.zeroGrad();
        un.beginBackward();
        System.arraycopy(f.upstreamH(), 0, un.lossGradientBuffer(), 0, t * n);
        un.addFinalStateGradient(t - 1, null, f.upstreamCLast());
        cell.backwardSequence(un);

        compare(failures, "dL_dh", perTick(t, n, (k, out) -> un.copyHiddenGradient(k, out)), e.dLdh(), t);
        if (cfg.hasCellState()) {
            compare(failures, "dL_dc", perTick(t, n, (k, out) -> un.copyCellGradient(k, out)), e.dLdc(), t);
        }
        for (Param p : cell.params()) {
            compare(failures, "grad." + p.name(), p.grad().data, e.grad().get(p.name()), 1);
        }
        compare(failures, "dL_dx", un.inputGradientBuffer(), e.dLdx(), t);
        double[] dh0 = new double[n];
        un.copyHiddenGradient(-1, dh0);
        compare(failures, "dL_dh0", dh0, e.dLdh0(), 1);
        if (cfg.hasCellState()) {
            double[] dc0 = new double[n];
            un.copyCellGradient(-1, dc0);
            compare(failures, "dL_dc0", dc0, e.dLdc0(), 1);
        }
        assertThat(failures).as("tensors over tolerance in %s", f.name()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFixtures")
    void verifyCommandsCheckPassesThroughTheTickApi(Path file) throws FormatException {
        Fixture f = FixtureReader.read(file);
        FixtureCheck.Result r = FixtureCheck.check(f);
        List<String> bad = r.tensors().stream().filter(tr -> !tr.passed())
                .map(tr -> tr.tensor() + " " + tr.worstRelative()).toList();
        assertThat(bad).isEmpty();
        boolean lstm = f.config().hasCellState();
        int gates = f.config().gateCount();
        // loss, h, gates, dL_dh, four weight gradients, dL_dx, dL_dh0; c, dL_dc, dL_dc0 for an LSTM
        assertThat(r.tensors()).hasSize(9 + gates + (lstm ? 3 : 0));
    }

    interface TickCopy {
        void copy(int tick, double[] out);
    }

    static double[] perTick(int t, int n, TickCopy copy) {
        double[] all = new double[t * n];
        double[] buf = new double[n];
        for (int k = 0; k < t; k++) {
            copy.copy(k, buf);
            System.arraycopy(buf, 0, all, k * n, n);
        }
        return all;
    }

    /** FORMAT.md's rule over {@code slices} equal slices: max|diff| ≤ 1e-9 · max|ref| in each. */
    static void compare(List<String> failures, String name, double[] got, double[] want, int slices) {
        if (got.length != want.length) {
            failures.add(name + ": " + got.length + " values, reference has " + want.length);
            return;
        }
        int len = want.length / slices;
        for (int s = 0; s < slices; s++) {
            double diff = 0;
            double ref = 0;
            for (int i = s * len; i < (s + 1) * len; i++) {
                double d = Math.abs(got[i] - want[i]);
                diff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(diff, d);
                ref = Math.max(ref, Math.abs(want[i]));
            }
            if (diff > TOLERANCE * ref) {
                failures.add(name + (slices > 1 ? " t=" + s : "") + ": max diff " + diff + ", max ref " + ref);
            }
        }
    }
}

package org.rnnlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.io.FixtureCheck;
import org.rnnlab.io.FixtureReader;
import org.rnnlab.io.FormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify FILE.json...}: runs the engine on parity fixtures and prints the worst relative
 * error per tensor. Exit 0 when all pass, 1 when any fails, 2 for a malformed file (one line).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Run the engine on reference fixtures (shared/fixtures format) and compare every tensor.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE.json", description = "fixture files")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int passed = 0;
        int failed = 0;
        for (Path file : files) {
            FixtureCheck.Result r;
            try {
                r = FixtureCheck.check(FixtureReader.read(file));
            } catch (FormatException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            out.printf(Locale.ROOT, "%s: %s%n", r.fixture(), r.passed() ? "PASS" : "FAIL");
            for (FixtureCheck.TensorResult t : r.tensors()) {
                out.printf(Locale.ROOT, "  %-18s worst rel. error %.3e%s%s%n", t.tensor(), t.worstRelative(),
                        t.worstSlice() >= 0 ? " (t=" + t.worstSlice() + ")" : "",
                        t.passed() ? "" : "  > " + FixtureCheck.TOLERANCE + " FAIL");
            }
            if (r.passed()) {
                passed++;
            } else {
                failed++;
            }
        }
        out.printf(Locale.ROOT, "%d passed, %d failed%n", passed, failed);
        return failed > 0 ? 1 : 0;
    }
}

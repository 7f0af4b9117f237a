package org.rnnlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.io.DeepFixtureCheck;
import org.rnnlab.io.FixtureCheck;
import org.rnnlab.io.FixtureReader;
import org.rnnlab.io.FormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify FILE.json...}: runs the engine on parity fixtures (one-layer or stacked/bidirectional,
 * detected by {@code num_layers}; each verdict says which it read) and prints the worst relative
 * error per tensor, then {@code N passed, M failed}. Exit 0 when all pass, 1 when any fails, 2 when
 * any file is malformed or inconsistent: then nothing is run, and each such file gets one line on
 * the error stream naming the file and the field.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Run the engine on reference fixtures (shared/fixtures format, one-layer or deep/) and compare every tensor.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE.json", description = "fixture files")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Every file is read and checked for form first, so that a bad file is reported (one line
        // each) before any result is printed; the fixtures are read again to be run, one at a time.
        int malformed = 0;
        for (Path file : files) {
            try {
                if (DeepFixtureCheck.isDeep(file)) {
                    DeepFixtureCheck.check(file);
                } else {
                    FixtureReader.read(file);
                }
            } catch (FormatException e) {
                err.println("error: " + e.getMessage());
                malformed++;
            }
        }
        if (malformed > 0) {
            err.flush();
            return 2;
        }
        int passed = 0;
        int failed = 0;
        for (Path file : files) {
            if (verify(file, out)) {
                passed++;
            } else {
                failed++;
            }
        }
        out.printf(Locale.ROOT, "%d passed, %d failed%n", passed, failed);
        out.flush();
        return failed > 0 ? 1 : 0;
    }

    /** Runs one fixture and prints its verdict and the worst relative error of every tensor. */
    private static boolean verify(Path file, PrintWriter out) {
        FixtureCheck.Result r;
        boolean deep;
        try {
            deep = DeepFixtureCheck.isDeep(file);
            r = deep ? DeepFixtureCheck.check(file) : FixtureCheck.check(FixtureReader.read(file));
        } catch (FormatException e) {
            out.printf(Locale.ROOT, "%s: FAIL (%s)%n", file, e.getMessage());
            return false;
        } catch (RuntimeException | OutOfMemoryError e) {
            // the engine could not reproduce the fixture at all: a failed verification, in one line
            out.printf(Locale.ROOT, "%s: FAIL (the engine threw %s: %s)%n", file, e.getClass().getSimpleName(),
                    String.valueOf(e.getMessage()).replace('\n', ' '));
            return false;
        }
        out.printf(Locale.ROOT, "%s: %s%n", r.fixture(), r.passed() ? "PASS" : "FAIL");
        boolean masked;
        try {
            masked = deep && DeepFixtureCheck.isMasked(file);
        } catch (FormatException e) {
            masked = false;
        }
        out.printf(Locale.ROOT, "  read as: %s%n", deep ? "stacked/bidirectional fixture (FORMAT.md, deep"
                + (masked ? ", padded steps masked by its lengths" : "") + ")" : "one-layer fixture (FORMAT.md)");
        for (FixtureCheck.TensorResult t : r.tensors()) {
            out.printf(Locale.ROOT, "  %-18s worst rel. error %.3e%s%s%n", t.tensor(), t.worstRelative(),
                    t.worstSlice() >= 0 ? " (t=" + t.worstSlice() + ")" : "",
                    t.passed() ? "" : "  > " + FixtureCheck.TOLERANCE + " FAIL");
        }
        return r.passed();
    }
}

package org.rnnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.OutputFiles;
import org.rnnlab.io.SessionFile;
import org.rnnlab.io.TickCsvWriter;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code replay SESSION.json --csv OUT.csv}: reopens a session headless, exactly where it was
 * saved, and writes the per-tick values of its current iteration.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Reopen a saved session without a display and write its per-tick values as CSV.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SESSION.json", description = "a session saved by the app or by train --save-session")
    Path session;

    @Option(names = "--csv", required = true, paramLabel = "OUT.csv", description = "where to write the per-tick CSV")
    Path csv;

    @Option(names = "--complete", description = "compute the rest of the current iteration (through the update) first")
    boolean complete;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        OutputFiles.checkDistinct(List.of(new OutputFiles.Named("--csv", csv)),
                List.of(new OutputFiles.Named("SESSION.json", session)));
        OutputFiles.checkWritable("--csv", csv);
        SessionState state;
        try {
            state = SessionFile.read(session);
        } catch (FormatException e) {
            throw new UserInputException(e.getMessage());
        }
        OutputFiles.checkDistinct(List.of(new OutputFiles.Named("--csv", csv)),
                List.of(new OutputFiles.Named("the session's CSV data", state.settings().taskOptions().file())));
        Simulation sim;
        try {
            sim = Simulation.restore(state, org.rnnlab.training.DefaultTasks.factory());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(org.rnnlab.io.Messages.clean(session.toString(), 200) + ": " + e.getMessage());
        }
        if (complete) {
            sim.finishIteration();
        }
        try {
            TickCsvWriter.write(sim, csv);
        } catch (IOException e) {
            throw new UserInputException("--csv: cannot write " + org.rnnlab.io.Messages.clean(csv.toString(), 200) + " ("
                    + org.rnnlab.io.Messages.clean(String.valueOf(e.getMessage()), 200) + ")");
        }
        out.printf("%s: iteration %d, %s -> %s%n", session.getFileName(), sim.iteration(),
                sim.snapshot(null, false).phaseText(), csv);
        return 0;
    }
}

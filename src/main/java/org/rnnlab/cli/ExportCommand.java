package org.rnnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnnlab.io.AtomicFiles;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.Messages;
import org.rnnlab.io.OutputFiles;
import org.rnnlab.io.SessionFile;
import org.rnnlab.io.export.ExportTarget;
import org.rnnlab.io.export.ExportedRun;
import org.rnnlab.io.export.RunExporter;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.SessionState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export --session S --to pytorch|keras --out DIR [--force]}: hands a saved run back to
 * Python ({@link RunExporter}): a script, the weights at the start of the session's current
 * iteration and its batch, the script printing the outputs and the loss the engine computes.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a PyTorch or Keras script with the session's weights and current batch.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--session", required = true, paramLabel = "SESSION.json", description = "a saved session")
    Path session;

    @Option(names = "--to", required = true, paramLabel = "pytorch|keras", description = "the framework")
    String to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write into (created)")
    Path out;

    @Option(names = "--force", description = "replace files the folder already holds")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ExportTarget target = ExportTarget.parse(to);
        SessionState state;
        try {
            state = SessionFile.read(session);
        } catch (FormatException e) {
            throw new UserInputException(e.getMessage());
        }
        ExportedRun run;
        try {
            run = ExportedRun.of(state, DefaultTasks.factory());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(Messages.clean(session.toString(), 200) + ": " + e.getMessage());
        }
        List<Path> files = RunExporter.plan(run, target, out, force);
        List<OutputFiles.Named> outputs = new ArrayList<>();
        for (Path f : files) {
            outputs.add(new OutputFiles.Named("--out", f));
        }
        OutputFiles.checkDistinct(outputs, List.of(new OutputFiles.Named("--session", session),
                new OutputFiles.Named("the session's CSV data", state.settings().taskOptions().file())));
        try {
            RunExporter.export(run, target, out, force);
        } catch (IOException e) {
            throw new UserInputException("--out: cannot write " + Messages.clean(out.toString(), 200) + " ("
                    + e.getClass().getSimpleName() + ": " + AtomicFiles.reason(e) + ")");
        }
        stdout.printf("%s: %s, iteration %d, loss %s -> %s (%s)%n", session.getFileName(), run.config().cell().label(),
                run.iteration(), run.loss(), out, String.join(", ", target.files()));
        stdout.flush();
        return 0;
    }
}

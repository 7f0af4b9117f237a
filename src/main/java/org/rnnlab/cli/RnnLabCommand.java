package org.rnnlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless commands of {@code rnn-lab.jar}. Bad input prints one line naming the parameter
 * and its value and exits with code 2; no stack trace reaches the user.
 */
@Command(name = "rnn-lab", mixinStandardHelpOptions = true, version = "RNN Lab 0.1.0",
        description = "RNN Lab: step RNN, LSTM and GRU cells forward and backward through time.",
        subcommands = {VerifyCommand.class, TrainCommand.class, CompareCommand.class, SweepCommand.class,
                ReplayCommand.class, ScreenshotsCommand.class, BenchCommand.class, PredictCommand.class, ExportCommand.class, SessionCommand.class, CommandLine.HelpCommand.class})
public final class RnnLabCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new RnnLabCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof UserInputException) {
                commandLine.getErr().println("error: " + org.rnnlab.io.Messages.oneLine(ex.getMessage()));
                return 2;
            }
            if (ex instanceof org.rnnlab.io.FormatException || ex instanceof java.io.IOException) {
                commandLine.getErr().println("error: " + org.rnnlab.io.Messages.oneLine(ex.getMessage()));
                return 2;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + org.rnnlab.io.Messages.oneLine(ex.getMessage()));
            return 2;
        });
        return cl.execute(args);
    }
}

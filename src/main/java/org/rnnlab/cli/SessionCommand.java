package org.rnnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.Messages;
import org.rnnlab.io.OutputFiles;
import org.rnnlab.io.SessionFile;
import org.rnnlab.io.keras.ModelFiles;
import org.rnnlab.io.keras.ModelRun;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code session --from-model FILE [--input X.json] --out S.json}: a trained Keras, TF.js or
 * PyTorch model as a session at the start of iteration 1 ({@link ModelRun}, the same run File ▸
 * Open model… makes in the window), so {@code replay}, {@code screenshots --session}, {@code export}
 * and the window's Open session… work on it. A model the stepping engine cannot represent, or a
 * bad file, is one line, exit 2.
 */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "Write a session that steps a trained Keras / TF.js / PyTorch model.")
final class SessionCommand implements Callable<Integer> {

    @Option(names = "--from-model", required = true, paramLabel = "FILE",
            description = "model.json (TF.js, or its folder), .safetensors (PyTorch), .keras or .h5")
    Path model;

    @Option(names = "--input", paramLabel = "X.json",
            description = "{\"x\": [batch][time][features]}; default: inputs drawn in the model's shape")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "S.json", description = "the session file to write")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<OutputFiles.Named> inputs = new ArrayList<>();
        inputs.add(new OutputFiles.Named("--from-model", model));
        if (input != null) {
            inputs.add(new OutputFiles.Named("--input", input));
        }
        OutputFiles.checkDistinct(List.of(new OutputFiles.Named("--out", out)), inputs);
        OutputFiles.checkWritable("--out", out);
        SessionState state;
        List<String> names;
        try {
            state = ModelRun.of(ModelFiles.open(model), input);
            names = Simulation.restore(state, DefaultTasks.factory()).model().paramNames();
        } catch (FormatException e) {
            throw new UserInputException(e.getMessage());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UserInputException(Messages.clean(model.toString(), 200) + ": " + e.getMessage());
        }
        SessionFile.write(out, state, names);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("%s: %s, %s -> %s%n", model.getFileName(), state.settings().cell(),
                input == null ? "generated inputs" : input.getFileName(), out);
        stdout.flush();
        return 0;
    }
}

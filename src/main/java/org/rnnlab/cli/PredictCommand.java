package org.rnnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.engine.layers.LayerValue;
import org.rnnlab.io.FormatException;
import org.rnnlab.io.Messages;
import org.rnnlab.io.OutputFiles;
import org.rnnlab.io.keras.ModelFiles;
import org.rnnlab.io.keras.PredictIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code predict --model FILE --input X.json [--out Y.json]}: runs a trained Keras, TF.js or
 * PyTorch model (see {@link ModelFiles}) on {@code {"x": [B][T][X]}} in float64 and writes
 * {@code {"shape": [...], "y": [...]}} as TF.js's {@code predict} gives it (to the standard output
 * without {@code --out}). A bad model or input is one line naming the file and field, exit 2.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Run a trained Keras / TF.js / PyTorch model on input sequences and write its outputs.")
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "model.json (TF.js, or its folder), .safetensors (PyTorch), .keras or .h5")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "X.json", description = "{\"x\": [batch][time][features]}")
    Path input;

    @Option(names = "--out", paramLabel = "Y.json", description = "where to write {\"shape\", \"y\"} (default: standard output)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (out != null) {
            List<OutputFiles.Named> inputs = new ArrayList<>();
            inputs.add(new OutputFiles.Named("--model", model));
            inputs.add(new OutputFiles.Named("--input", input));
            OutputFiles.checkDistinct(List.of(new OutputFiles.Named("--out", out)), inputs);
            OutputFiles.checkWritable("--out", out);
        }
        LayerStack stack;
        LayerValue x;
        try {
            stack = ModelFiles.open(model);
            x = PredictIo.readInput(input);
        } catch (FormatException e) {
            throw new UserInputException(e.getMessage());
        }
        LayerValue y;
        try {
            y = stack.predict(x);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(Messages.clean(input.toString(), 200) + ": field 'x': " + e.getMessage());
        }
        if (out == null) {
            stdout.println(PredictIo.outputText(y));
            stdout.flush();
            return 0;
        }
        PredictIo.writeOutput(out, y);
        stdout.printf("%s: shape %s -> %s%n", model.getFileName(), java.util.Arrays.toString(y.shape()), out);
        stdout.flush();
        return 0;
    }
}

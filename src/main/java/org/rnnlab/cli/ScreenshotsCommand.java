package org.rnnlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.rnnlab.io.Messages;
import org.rnnlab.task.registry.Tasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code screenshots --out DIR}: renders the whole window and each view to PNG at a fixed seed,
 * at a few states (mid-forward, backward, after training), headless: no display is needed.
 *
 * <p>The rendering itself lives in the window's package; this command finds it through
 * {@link ServiceLoader} ({@link Renderer}), so the headless commands keep no dependency on the UI.
 */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Render the window and each view to PNG, headless (no display needed), at a fixed seed.")
public final class ScreenshotsCommand implements Callable<Integer> {

    /** Renders what a {@link Request} asks for and returns the files written. */
    public interface Renderer {
        List<Path> render(Request request, PrintWriter log) throws Exception;
    }

    /**
     * @param out        directory for the PNG files (created if missing)
     * @param width      window width in pixels
     * @param height     window height in pixels
     * @param seed       the seed of every run shown
     * @param iterations training iterations before the "trained" state
     * @param task       the task id, or null for the window's default (adding)
     * @param cell       rnn, lstm or gru, or null for the default (lstm)
     * @param file       the CSV file of the csv task, or null
     * @param layers     stacked layers, 1 to 4
     * @param bidirectional every layer with a reverse direction
     */
    public record Request(Path out, int width, int height, long seed, long iterations, String task, String cell,
                          Path file, int layers, boolean bidirectional) {
    }

    @Option(names = "--out", defaultValue = "docs/screenshots", description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--size", defaultValue = "1920x1080", description = "window size WIDTHxHEIGHT (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the runs shown (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--train", defaultValue = "1500", description = "iterations trained before the 'trained' state (default: ${DEFAULT-VALUE})")
    long iterations;

    @Option(names = "--task", description = "task id (default: the window's, adding)")
    String task;

    @Option(names = "--cell", description = "rnn, lstm or gru (default: lstm)")
    String cell;

    @Option(names = "--file", description = "the CSV file of the csv task")
    Path file;

    @Option(names = "--layers", defaultValue = "1", description = "stacked layers, 1 to 4 (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--bidirectional", description = "every layer also reads the sequence backwards")
    boolean bidirectional;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        int w;
        int h;
        try {
            if (wh.length != 2) {
                throw new NumberFormatException(size);
            }
            w = Integer.parseInt(wh[0].strip());
            h = Integer.parseInt(wh[1].strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("--size must be WIDTHxHEIGHT, was '" + size + "'");
        }
        if (w < 640 || h < 480 || w > 7680 || h > 4320) {
            throw new UserInputException("--size must be between 640x480 and 7680x4320, was '" + size + "'");
        }
        if (iterations < 1 || iterations > 100_000) {
            throw new UserInputException("--train must be in 1..100000, was " + iterations);
        }
        if (task != null && !Tasks.ids().contains(task)) {
            throw new UserInputException("--task must be one of " + String.join(", ", Tasks.ids()) + ", was '"
                    + Messages.clean(task, 200) + "'");
        }
        if (task != null && Tasks.info(task).needsFile() && file == null) {
            throw new UserInputException("--task " + task + " needs --file PATH (a CSV file of the series)");
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new UserInputException("--file must be a readable regular file, was '" + Messages.clean(file.toString(), 200) + "'");
        }
        if (cell != null) {
            try {
                org.rnnlab.engine.CellKind.parse(cell);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--cell: " + e.getMessage());
            }
        }
        if (layers < 1 || layers > 4) {
            throw new UserInputException("--layers must be in 1..4, was " + layers);
        }
        Renderer renderer = ServiceLoader.load(Renderer.class).findFirst()
                .orElseThrow(() -> new UserInputException("no screenshot renderer on the classpath (the UI is missing)"));
        PrintWriter log = spec.commandLine().getOut();
        List<Path> files = renderer.render(new Request(out, w, h, seed, iterations, task, cell, file, layers, bidirectional), log);
        log.printf(Locale.ROOT, "%d screenshots in %s%n", files.size(), out);
        return 0;
    }
}

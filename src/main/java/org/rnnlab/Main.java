package org.rnnlab;

/**
 * Entry point of {@code rnn-lab.jar}: with no arguments (or window options such as
 * {@code --frame-stats}) it opens the window, with a command it runs headless and never touches
 * the display.
 *
 * <p>This class must not extend {@code javafx.application.Application}: a plain main class lets
 * the shaded jar start JavaFX from the classpath, and lets headless commands run without it.
 * Before anything else it restarts the JVM with the Vector API module when that is missing
 * ({@link org.rnnlab.cli.Relaunch}), so {@code java -jar} runs the SIMD kernels too.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        java.util.OptionalInt child = org.rnnlab.cli.Relaunch.ifNeeded(args);
        if (child.isPresent()) {
            System.exit(child.getAsInt());
        }
        if (org.rnnlab.ui.shell.LaunchOptions.claims(args)) {
            org.rnnlab.ui.RnnLabApp.launchApp(args);
        } else {
            System.exit(org.rnnlab.cli.RnnLabCommand.run(args));
        }
    }
}

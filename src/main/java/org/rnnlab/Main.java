package org.rnnlab;

/**
 * Entry point of {@code rnn-lab.jar}: with no arguments (or window options such as
 * {@code --frame-stats}) it opens the window, with a command it runs headless and never touches
 * the display.
 *
 * <p>This class must not extend {@code javafx.application.Application}: a plain main class lets
 * the shaded jar start JavaFX from the classpath, and lets headless commands run without it.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (org.rnnlab.ui.shell.LaunchOptions.claims(args)) {
            org.rnnlab.ui.RnnLabApp.launchApp(args);
        } else {
            System.exit(org.rnnlab.cli.RnnLabCommand.run(args));
        }
    }
}

package org.rnnlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.AppTasks;

/**
 * Options of the window (not of the headless commands), for demos and measurements:
 * <pre>
 *   --frame-stats         print frame-time percentiles to stdout when the window closes
 *   --exit-after S        close the window after S seconds
 *   --warmup S            leave the first S seconds out of the frame statistics (default 0)
 *   --play                start playing at once;  --play-full-speed  at full speed
 *   --speed X             ticks per second, or "full"
 *   --cell rnn|lstm|gru  --hidden H  --seq T  --task ID  --batch B  --seed S
 *   --layers L  --bidirectional   a stacked (1..4) or bidirectional model
 *   --size WxH            window size (default 1920x1080, shrunk to fit the screen; works down to 1280x720)
 *   --full-screen
 *   --presenter           start in presenter mode;  --dark  with the dark theme
 *   --lesson ID           open a built-in lesson at its first step
 *   --usage-stats         print, every minute, the frame times and the heap used after garbage collection
 *                         (for long runs: see docs/PERFORMANCE.md, "Long use")
 * </pre>
 * Plain Java: {@code Main} asks {@link #claims(String[])} before any JavaFX class is loaded.
 */
public record LaunchOptions(boolean frameStats, double exitAfterSeconds, double warmupSeconds, boolean play,
                            double speed, SimulationSettings settings, int width, int height, boolean fullScreen,
                            boolean usageStats, boolean presenter, boolean dark, String lesson) {

    private static final Set<String> FLAGS = Set.of("--frame-stats", "--play", "--play-full-speed", "--full-screen",
            "--usage-stats", "--presenter", "--dark", "--bidirectional");
    private static final Set<String> VALUED = Set.of("--exit-after", "--warmup", "--speed", "--cell", "--hidden",
            "--seq", "--task", "--batch", "--seed", "--size", "--lesson", "--layers");

    /** The window's defaults: the ready scenario of {@link SimulationSettings#defaults()}. */
    public static LaunchOptions defaults() {
        return new LaunchOptions(false, Double.NaN, 0, false, 4, SimulationSettings.defaults(), 1920, 1080, false,
                false, false, false, null);
    }

    /** True when the arguments are for the window (none, or a window option first), not a command. */
    public static boolean claims(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        int eq = first.indexOf('=');
        String name = eq > 0 ? first.substring(0, eq) : first;
        return FLAGS.contains(name) || VALUED.contains(name);
    }

    /**
     * Parses window options.
     *
     * @throws IllegalArgumentException naming the option and the value
     */
    public static LaunchOptions parse(List<String> args) {
        LaunchOptions o = defaults();
        boolean frameStats = o.frameStats;
        double exitAfter = o.exitAfterSeconds;
        double warmup = o.warmupSeconds;
        boolean play = o.play;
        double speed = o.speed;
        SimulationSettings s = o.settings;
        int width = o.width;
        int height = o.height;
        boolean fullScreen = o.fullScreen;
        boolean usageStats = o.usageStats;
        boolean presenter = o.presenter;
        boolean dark = o.dark;
        String lesson = o.lesson;
        CellKind cell = null;
        Integer hidden = null;
        Integer seq = null;
        String task = null;
        Integer batch = null;
        Long seed = null;
        Integer layers = null;
        boolean bidirectional = false;
        List<String> list = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                list.add(a.substring(0, eq));
                list.add(a.substring(eq + 1));
            } else {
                list.add(a);
            }
        }
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i);
            if (FLAGS.contains(name)) {
                switch (name) {
                    case "--frame-stats" -> frameStats = true;
                    case "--play" -> play = true;
                    case "--play-full-speed" -> {
                        play = true;
                        speed = Double.POSITIVE_INFINITY;
                    }
                    case "--full-screen" -> fullScreen = true;
                    case "--usage-stats" -> usageStats = true;
                    case "--presenter" -> presenter = true;
                    case "--dark" -> dark = true;
                    case "--bidirectional" -> bidirectional = true;
                    default -> throw new IllegalStateException(name);
                }
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown window option '" + name + "' (options: "
                        + String.join(" ", FLAGS) + " " + String.join(" ", VALUED) + ")");
            }
            if (i + 1 >= list.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String v = list.get(++i);
            switch (name) {
                case "--exit-after" -> exitAfter = positive(name, v);
                case "--warmup" -> warmup = nonNegative(name, v);
                case "--speed" -> speed = v.equalsIgnoreCase("full") ? Double.POSITIVE_INFINITY : positive(name, v);
                case "--cell" -> cell = CellKind.parse(v);
                case "--hidden" -> hidden = integer(name, v);
                case "--seq" -> seq = integer(name, v);
                case "--task" -> task = v;
                case "--batch" -> batch = integer(name, v);
                case "--seed" -> seed = longValue(name, v);
                case "--layers" -> layers = integer(name, v);
                case "--lesson" -> {
                    lesson = v.strip();
                    var ids = org.rnnlab.lesson.Lessons.all().ids();
                    if (!ids.contains(lesson)) {
                        throw new IllegalArgumentException("--lesson must be one of " + String.join(", ", ids)
                                + ", was '" + v + "'");
                    }
                }
                case "--size" -> {
                    String[] wh = v.toLowerCase(Locale.ROOT).split("x");
                    if (wh.length != 2) {
                        throw new IllegalArgumentException("--size must be WIDTHxHEIGHT, was '" + v + "'");
                    }
                    width = integer(name, wh[0]);
                    height = integer(name, wh[1]);
                    if (width < 640 || height < 480) {
                        throw new IllegalArgumentException("--size must be at least 640x480, was '" + v + "'");
                    }
                }
                default -> throw new IllegalStateException(name);
            }
        }
        // the task first, at its usual length, then what was asked for, in any order on the line
        if (task != null) {
            s = AppTasks.switchTask(s, task);
        }
        if (seq != null) {
            s = s.withTask(s.taskId(), seq);
        }
        if (cell != null) {
            s = s.withCell(cell);
        }
        if (hidden != null) {
            s = s.withHiddenSize(hidden);
        }
        if (batch != null) {
            s = s.withBatchSize(batch);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (layers != null || bidirectional) {
            int l = layers == null ? s.layers() : layers;
            if (l < 1 || l > SimulationSettings.MAX_LAYERS) {
                throw new IllegalArgumentException("--layers must be in 1.." + SimulationSettings.MAX_LAYERS + ", was " + l);
            }
            s = org.rnnlab.ui.model.AppTasks.withLayers(s, l, bidirectional || s.bidirectional());
        }
        return new LaunchOptions(frameStats, exitAfter, warmup, play, speed, s, width, height, fullScreen, usageStats,
                presenter, dark, lesson);
    }

    private static double positive(String name, String v) {
        double d = number(name, v);
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(name + " must be a number > 0, was '" + v + "'");
        }
        return d;
    }

    private static double nonNegative(String name, String v) {
        double d = number(name, v);
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(name + " must be a number >= 0, was '" + v + "'");
        }
        return d;
    }

    private static double number(String name, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + v + "'");
        }
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
        }
    }

    private static long longValue(String name, String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
        }
    }
}

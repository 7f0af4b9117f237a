package org.rnnlab.cli;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.rnnlab.engine.Simd;

/**
 * Starts {@code org.rnnlab.Main} again in a child JVM with what a jar's manifest cannot ask for:
 * {@code --add-modules jdk.incubator.vector}, so that {@code java -jar rnn-lab.jar} runs the
 * engine's SIMD kernels ({@link Simd}), and, on aarch64 Linux and macOS, the JavaFX natives of that
 * architecture ahead of the x64 ones at the jar's root (they share their file names; the jar keeps
 * them under {@code natives/<platform>/}, and JavaFX loads the first {@code /libglass.so} its class
 * path offers).
 *
 * <p>Nothing restarts when the module is already there (the app image's launcher, Maven, the
 * tests), when {@code -Drnnlab.relaunch=false} or {@code -Drnnlab.simd=false} is given, or when the
 * arguments contain {@code --no-relaunch}. When the child cannot be started (no path to the
 * {@code java} executable, a failed exec) the command runs in this JVM on the scalar kernels.
 */
public final class Relaunch {
    private Relaunch() {}

    /** Set in the child, so it never restarts again. */
    static final String CHILD_PROPERTY = "rnnlab.relaunched";
    static final String MAIN_CLASS = "org.rnnlab.Main";
    static final String NO_RELAUNCH = "--no-relaunch";

    /**
     * Runs {@code Main} with {@code args} in a child JVM when this one lacks what the app needs,
     * and returns the child's exit code; empty when this JVM should carry on itself.
     */
    public static OptionalInt ifNeeded(String[] args) {
        if (Boolean.getBoolean(CHILD_PROPERTY) || "false".equalsIgnoreCase(System.getProperty("rnnlab.relaunch"))
                || List.of(args).contains(NO_RELAUNCH)) {
            return OptionalInt.empty();
        }
        // the module, not Simd.ENABLED: that would set up the kernels (and install their JIT
        // directive through JMX, about 0.1 s) on this thread before the window starts
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
                && !"false".equalsIgnoreCase(System.getProperty("rnnlab.simd"));
        Optional<String> natives = nativesPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""))
                .filter(p -> !nativesBesideTheJar());
        if (!vector && natives.isEmpty()) {
            return OptionalInt.empty();
        }
        String what = natives.map(p -> "the Vector API module and the " + p + " JavaFX natives")
                .orElse("the Vector API module");
        // a native launcher (jpackage's) is no java executable: it takes no JVM options
        String java = ProcessHandle.current().info().command().filter(Relaunch::isJavaExecutable).orElse(null);
        String classPath = System.getProperty("java.class.path", "");
        if (java == null || classPath.isEmpty()) {
            return cannot(what, "this process was not started by a java executable");
        }
        try {
            String nativesDir = null;
            if (natives.isPresent()) {
                nativesDir = extractNatives(natives.get(), codeSource(), cacheRoot()).toString();
            }
            List<String> cmd = command(java, ManagementFactory.getRuntimeMXBean().getInputArguments(), classPath,
                    nativesDir, List.of(args));
            Process child = new ProcessBuilder(cmd).inheritIO().redirectError(ProcessBuilder.Redirect.PIPE).start();
            Thread stderr = IncubatorWarningFilter.start(child, new FileOutputStream(FileDescriptor.err));
            Thread stopChild = new Thread(child::destroy, "stop-relaunched-jvm");
            Runtime.getRuntime().addShutdownHook(stopChild);
            int code = child.waitFor();
            stderr.join(2000);
            Runtime.getRuntime().removeShutdownHook(stopChild);
            return OptionalInt.of(code);
        } catch (IOException e) {
            return cannot(what, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    private static OptionalInt cannot(String what, String why) {
        PrintStream err = System.err;
        err.println("note: cannot restart the JVM with " + what + " (" + why + "): "
                + (Simd.ENABLED ? "carrying on without" : "running the scalar kernels"));
        return OptionalInt.empty();
    }

    /** Whether {@code path} names a {@code java} (or {@code javaw}) executable. */
    static boolean isJavaExecutable(String path) {
        String name = Path.of(path).getFileName().toString().toLowerCase(Locale.ROOT);
        return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
    }

    /** Whether the JavaFX natives sit next to the jar (the app image on aarch64), where JavaFX looks first. */
    private static boolean nativesBesideTheJar() {
        try {
            Path dir = codeSource().getParent();
            return dir != null && Files.exists(dir.resolve(System.mapLibraryName("glass")));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The child's command line: this JVM's options (without a debugger agent, which would take
     * the same port), the Vector API module, the natives directory ahead of the class path.
     */
    static List<String> command(String java, List<String> jvmOptions, String classPath, String nativesDir,
                                List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-D" + CHILD_PROPERTY + "=true"));
        for (String o : jvmOptions) {
            if (!o.startsWith("-agentlib:jdwp") && !o.startsWith("-Djava.class.path=")) {
                cmd.add(o);
            }
        }
        cmd.add("-cp");
        cmd.add(nativesDir == null ? classPath : nativesDir + File.pathSeparator + classPath);
        cmd.add(MAIN_CLASS);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * The jar's directory of JavaFX natives for this system ({@code natives/mac-aarch64},
     * {@code natives/linux-aarch64}); empty where the ones at the jar's root fit (x64, Windows).
     */
    static Optional<String> nativesPlatform(String osName, String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (!arch.equals("aarch64") && !arch.equals("arm64")) {
            return Optional.empty();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return Optional.of("mac-aarch64");
        }
        if (os.startsWith("linux")) {
            return Optional.of("linux-aarch64");
        }
        return Optional.empty();
    }

    private static Path cacheRoot() {
        return Path.of(System.getProperty("user.home"), ".rnn-lab", "natives");
    }

    /**
     * Copies the {@code natives/<platform>/} files of the jar (or classes directory) {@code source}
     * into {@code root/<platform>} where missing or of another size, and returns that directory.
     */
    static Path extractNatives(String platform, Path source, Path root) throws IOException {
        Path dir = root.resolve(platform);
        Files.createDirectories(dir);
        String prefix = "natives/" + platform + "/";
        int copied = 0;
        if (Files.isDirectory(source)) {
            try (var files = Files.list(source.resolve(prefix))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    try (InputStream in = Files.newInputStream(f)) {
                        copyIfChanged(in, Files.size(f), dir.resolve(f.getFileName().toString()));
                    }
                    copied++;
                }
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                    String name = e.getName();
                    if (name.startsWith(prefix) && !e.isDirectory() && name.indexOf('/', prefix.length()) < 0) {
                        try (InputStream in = jar.getInputStream(e)) {
                            copyIfChanged(in, e.getSize(), dir.resolve(name.substring(prefix.length())));
                        }
                        copied++;
                    }
                }
            }
        }
        if (copied == 0) {
            throw new IOException(source + " has no " + prefix);
        }
        return dir;
    }

    /** Where this class was loaded from: the jar, or the classes directory. */
    private static Path codeSource() throws IOException {
        try {
            return Path.of(Relaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate the jar: " + e.getMessage(), e);
        }
    }

    private static void copyIfChanged(InputStream in, long size, Path target) throws IOException {
        if (Files.exists(target) && Files.size(target) == size) {
            return;
        }
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

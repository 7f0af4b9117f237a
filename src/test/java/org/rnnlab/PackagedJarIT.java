package org.rnnlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code target/rnn-lab.jar} (run by failsafe after {@code package}): it holds the
 * JavaFX of every desktop, compared file by file with the OpenJFX classifier jars in the local
 * Maven repository, and {@code java -jar} restarts itself with the Vector API module.
 */
class PackagedJarIT {
    private static final String[] MODULES = {"base", "graphics", "controls", "swing"};
    private static Path jar;
    private static Map<String, Long> crcs;

    @BeforeAll
    static void listTheJar() throws IOException {
        jar = Path.of(System.getProperty("rnnlab.jar", "target/rnn-lab.jar"));
        assertThat(jar).as("the shaded jar (mvn package)").isRegularFile();
        crcs = entries(jar);
    }

    /** Every file of the platform's four OpenJFX jars is in ours at the same path (natives: the same bytes). */
    @ParameterizedTest
    @ValueSource(strings = {"linux", "win", "mac"})
    void x64DesktopsHaveAllTheirJavaFxFilesAtTheRoot(String platform) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> otherNatives = new ArrayList<>();
        for (String module : MODULES) {
            for (Map.Entry<String, Long> e : entries(reference(module, platform)).entrySet()) {
                String name = e.getKey();
                if (name.startsWith("META-INF/") || name.equals("module-info.class")) {
                    continue;
                }
                if (!crcs.containsKey(name)) {
                    missing.add(name);
                } else if (isNative(name) && !crcs.get(name).equals(e.getValue())) {
                    otherNatives.add(name);
                }
            }
        }
        assertThat(missing).as("files of the " + platform + " JavaFX jars missing from rnn-lab.jar").isEmpty();
        assertThat(otherNatives).as("natives that are not " + platform + "'s").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-aarch64", "mac-aarch64"})
    void aarch64NativesAreUnderTheirOwnDirectory(String platform) throws IOException {
        Map<String, Long> natives = new HashMap<>();
        entries(openjfx("graphics", platform)).forEach((name, crc) -> {
            if (isNative(name)) {
                natives.put("natives/" + platform + "/" + name, crc);
            }
        });
        assertThat(natives).hasSizeGreaterThanOrEqualTo(7).containsKey("natives/" + platform + "/"
                + (platform.startsWith("mac") ? "libglass.dylib" : "libglassgtk3.so"));
        natives.forEach((name, crc) -> assertThat(crcs.get(name)).as(name).isEqualTo(crc));
    }

    @Test
    void theJarListsTheNativesOfTheThreeSystems() {
        assertThat(crcs).containsKeys("libglassgtk3.so", "libprism_es2.so", "glass.dll", "prism_d3d.dll",
                "libglass.dylib", "libprism_es2.dylib", "com/sun/glass/ui/gtk/GtkApplication.class",
                "com/sun/glass/ui/win/WinApplication.class", "com/sun/glass/ui/mac/MacApplication.class");
    }

    /** A plain {@code java -jar} (no module option) runs the SIMD kernels, in a restarted JVM. */
    @Test
    void javaMinusJarRestartsWithTheVectorModule() throws Exception {
        assertThat(benchKernels()).contains("# engine kernels: SIMD");
        assertThat(benchKernels("-Drnnlab.relaunch=false")).contains("# engine kernels: scalar");
    }

    @Test
    void headlessCommandsRunFromTheJar() throws Exception {
        Path fixture = Path.of("src/test/resources/fixtures/rnn_tanh-x1-h1-t1-b1-s9.json");
        Result r = javaJar(List.of(), "verify", fixture.toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("1 passed, 0 failed");
    }

    /** Bad input from a restarted {@code java -jar}: its error is the one line on standard error, exit code 2. */
    @Test
    void aRestartedCommandsErrorIsOneLine() throws Exception {
        Result r = javaJar(List.of(), "train", "--task", "adding", "--hidden", "0");
        assertThat(r.code).as(r.err).isEqualTo(2);
        assertThat(r.err.lines().toList()).as(r.err).hasSize(1);
        assertThat(r.err).startsWith("error: ").contains("hidden").contains("0");
    }

    private static String benchKernels(String... jvmOptions) throws Exception {
        List<String> args = List.of("bench", "--jit-warmup-ms", "0", "--warmup", "0", "--iters", "1", "rnn:1:2:2:1");
        Result r = javaJar(List.of(jvmOptions), args.toArray(String[]::new));
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).startsWith("rnn 1 2 2 1 1 ");
        return r.err;
    }

    record Result(int code, String out, String err) {}

    private static Result javaJar(List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("rnn-lab-out", ".txt");
        Path err = Files.createTempFile("rnn-lab-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("no exit within 120 s: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean isNative(String name) {
        return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib");
    }

    /**
     * The OpenJFX jar to compare with: graphics (the natives and the platform's toolkit) always
     * the platform's own, which the build unpacks; base, controls and swing hold the same files
     * on every platform, so where the build did not fetch the platform's copy (a fresh local
     * repository), the Linux one the app runs on stands for it.
     */
    private static Path reference(String module, String platform) {
        Path own = path(module, platform);
        return module.equals("graphics") || java.nio.file.Files.isRegularFile(own) ? openjfx(module, platform)
                : openjfx(module, "linux");
    }

    private static Path path(String module, String platform) {
        String version = System.getProperty("javafx.version", "21.0.11");
        return Path.of(System.getProperty("rnnlab.m2", System.getProperty("user.home") + "/.m2/repository"),
                "org", "openjfx", "javafx-" + module, version, "javafx-" + module + "-" + version + "-" + platform + ".jar");
    }

    private static Path openjfx(String module, String platform) {
        String version = System.getProperty("javafx.version", "21.0.11");
        Path p = Path.of(System.getProperty("rnnlab.m2", System.getProperty("user.home") + "/.m2/repository"),
                "org", "openjfx", "javafx-" + module, version, "javafx-" + module + "-" + version + "-" + platform + ".jar");
        assertThat(p).as("the OpenJFX jar the build unpacked").isRegularFile();
        return p;
    }

    private static Map<String, Long> entries(Path zip) throws IOException {
        Map<String, Long> m = new HashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> m.put(e.getName(), e.getCrc()));
        }
        return m;
    }
}

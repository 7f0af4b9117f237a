package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Relaunch}: the child's command line, which systems need the jar's aarch64 natives, and
 * that once extracted those natives are the {@code /libglass.so} a class loader finds first (the
 * way JavaFX's {@code NativeLibLoader} looks them up).
 */
class RelaunchTest {

    @Test
    void theChildGetsTheVectorModuleTheJvmOptionsButNoDebuggerAndTheArguments() {
        List<String> cmd = Relaunch.command("/jdk/bin/java",
                List.of("-Xmx2g", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Dx=1"),
                "rnn-lab.jar", null, List.of("verify", "a.json"));
        assertThat(cmd).containsExactly("/jdk/bin/java", "--add-modules", "jdk.incubator.vector",
                "-Drnnlab.relaunched=true", "-Xmx2g", "-Dx=1", "-cp", "rnn-lab.jar", "org.rnnlab.Main",
                "verify", "a.json");
    }

    @Test
    void theNativesDirectoryGoesAheadOfTheJar() {
        List<String> cmd = Relaunch.command("java", List.of(), "rnn-lab.jar", "/home/u/.rnn-lab/natives/mac-aarch64",
                List.of());
        assertThat(cmd).containsSubsequence("-cp",
                "/home/u/.rnn-lab/natives/mac-aarch64" + java.io.File.pathSeparator + "rnn-lab.jar", "org.rnnlab.Main");
    }

    @Test
    void onlyAarch64LinuxAndMacNeedTheirOwnNatives() {
        assertThat(Relaunch.nativesPlatform("Mac OS X", "aarch64")).contains("mac-aarch64");
        assertThat(Relaunch.nativesPlatform("Linux", "aarch64")).contains("linux-aarch64");
        assertThat(Relaunch.nativesPlatform("Linux", "amd64")).isEmpty();
        assertThat(Relaunch.nativesPlatform("Mac OS X", "x86_64")).isEmpty();
        assertThat(Relaunch.nativesPlatform("Windows 11", "amd64")).isEmpty();
        assertThat(Relaunch.nativesPlatform("Windows 11", "aarch64")).isEqualTo(Optional.empty());
    }

    @Test
    void onlyAJavaExecutableTakesJvmOptions() {
        assertThat(Relaunch.isJavaExecutable("/usr/lib/jvm/java-17/bin/java")).isTrue();
        assertThat(Relaunch.isJavaExecutable("/jdk/bin/javaw.exe")).isTrue();
        assertThat(Relaunch.isJavaExecutable("/opt/rnn-lab/bin/rnn-lab")).isFalse();
        assertThat(Relaunch.isJavaExecutable("/usr/bin/javac")).isFalse();
    }

    @Test
    void noRestartInAJvmThatHasTheModuleOrWhenAskedNotTo() {
        // the tests run with --add-modules jdk.incubator.vector on an x64 machine
        assertThat(Relaunch.ifNeeded(new String[] {"verify"})).isEqualTo(OptionalInt.empty());
        assertThat(Relaunch.ifNeeded(new String[] {"bench", "--no-relaunch"})).isEqualTo(OptionalInt.empty());
    }

    @Test
    void extractedNativesFromTheJarShadowTheOnesAtItsRoot(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "libglass.so", "x64");
            put(out, "natives/linux-aarch64/libglass.so", "aarch64");
            put(out, "natives/linux-aarch64/libprism_sw.so", "aarch64 sw");
            put(out, "natives/mac-aarch64/libglass.dylib", "mac");
        }
        Path dir = Relaunch.extractNatives("linux-aarch64", jar, tmp.resolve("cache"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("libglass.so",
                    "libprism_sw.so");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL(), jar.toUri().toURL()}, null);
             InputStream in = loader.getResourceAsStream("libglass.so")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("aarch64");
        }
        // a second start finds them in place (same sizes) and leaves them
        Files.setLastModifiedTime(dir.resolve("libglass.so"), java.nio.file.attribute.FileTime.fromMillis(0));
        Relaunch.extractNatives("linux-aarch64", jar, tmp.resolve("cache"));
        assertThat(Files.getLastModifiedTime(dir.resolve("libglass.so")).toMillis()).isZero();
    }

    @Test
    void aClassesDirectoryWorksLikeTheJarAndAMissingPlatformIsAnError(@TempDir Path tmp) throws IOException {
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes.resolve("natives/mac-aarch64"));
        Files.writeString(classes.resolve("natives/mac-aarch64/libglass.dylib"), "mac");
        Path dir = Relaunch.extractNatives("mac-aarch64", classes, tmp.resolve("cache"));
        assertThat(Files.readString(dir.resolve("libglass.dylib"))).isEqualTo("mac");
        Files.createDirectories(classes.resolve("natives/linux-aarch64"));
        assertThatThrownBy(() -> Relaunch.extractNatives("linux-aarch64", classes, tmp.resolve("cache")))
                .isInstanceOf(IOException.class).hasMessageContaining("natives/linux-aarch64/");
    }

    private static void put(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}

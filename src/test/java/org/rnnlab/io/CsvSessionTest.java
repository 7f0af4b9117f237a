package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.InitScheme;
import org.rnnlab.task.ForecastTask;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;

/**
 * A session of the CSV forecasting task: the data's path is stored relative to the session file
 * when the data lies below its folder (absolute otherwise) and resolved against the session's
 * folder when read; the data's SHA-256 is stored, and a session whose data has changed since is
 * refused with one line naming the field, the data and both digests; every task option survives.
 */
class CsvSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path series(Path file, int n) throws Exception {
        StringBuilder sb = new StringBuilder("time,value\n");
        for (int i = 0; i < n; i++) {
            sb.append(i).append(',').append(Math.sin(i * 0.3)).append('\n');
        }
        Files.createDirectories(file.getParent());
        return Files.writeString(file, sb);
    }

    private static SessionState trained(Path data) {
        SimulationSettings s = SimulationSettings.defaults().withTask(ForecastTask.CSV, 12).withHiddenSize(4)
                .withInit(InitScheme.ORTHOGONAL, Double.NaN).withSpectralRadius(0.9);
        s = s.withTaskOptions(s.taskOptions().withFile(data).withColumn("value"));
        Simulation sim = new Simulation(s, DefaultTasks.factory());
        sim.trainIteration();
        return sim.capture();
    }

    private static Path save(Path session, SessionState s) throws Exception {
        SessionFile.write(session, s, Simulation.restore(s, DefaultTasks.factory()).model().paramNames());
        return session;
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void dataBesideTheSessionIsStoredRelativeWithItsDigestAndFollowsAMove() throws Exception {
        Path data = series(dir.resolve("a/data/series.csv"), 80);
        SessionState s = trained(data);
        Path session = save(dir.resolve("a/run.json"), s);
        JsonNode options = JSON.readTree(session.toFile()).path("settings").path("task_options");
        assertThat(options.path("file").textValue()).isEqualTo(Path.of("data", "series.csv").toString());
        assertThat(options.path("sha256").textValue()).isEqualTo(sha256(data)).isEqualTo(SessionFile.sha256(data));
        assertThat(options.path("column").textValue()).isEqualTo("value");

        SessionState back = SessionFile.read(session);
        assertThat(back.settings().taskOptions().file()).isEqualTo(data.toAbsolutePath().normalize());
        assertThat(back.settings().withTaskOptions(back.settings().taskOptions().withFile(data)))
                .isEqualTo(s.settings());
        assertThat(back.settings().spectralRadius()).isEqualTo(0.9);

        Path moved = Files.move(dir.resolve("a"), dir.resolve("b"));
        SessionState again = SessionFile.read(moved.resolve("run.json"));
        assertThat(again.settings().taskOptions().file()).isEqualTo(moved.resolve("data/series.csv").toAbsolutePath());
        assertThat(again.weights()).isDeepEqualTo(s.weights());
    }

    @Test
    void dataOutsideTheSessionsFolderIsStoredAbsolute() throws Exception {
        Path data = series(dir.resolve("elsewhere/series.csv"), 80);
        Path session = save(dir.resolve("sessions/run.json"), trained(data));
        JsonNode options = JSON.readTree(session.toFile()).path("settings").path("task_options");
        assertThat(Path.of(options.path("file").textValue())).isAbsolute().isEqualTo(data.toAbsolutePath());
        assertThat(SessionFile.read(session).settings().taskOptions().file()).isEqualTo(data.toAbsolutePath());
    }

    @Test
    void changedDataIsRefusedNamingBothDigestsAndNothingIsWritten() throws Exception {
        Path data = series(dir.resolve("series.csv"), 80);
        Path session = save(dir.resolve("run.json"), trained(data));
        String before = sha256(data);
        byte[] sessionBytes = Files.readAllBytes(session);
        String text = Files.readString(data);
        Files.writeString(data, text.replaceFirst("\n0,0.0\n", "\n0,0.5\n"));
        String after = sha256(data);
        assertThat(after).isNotEqualTo(before);

        Throwable t = catchThrowable(() -> SessionFile.read(session));
        assertThat(t).isInstanceOf(FormatException.class);
        FormatException e = (FormatException) t;
        assertThat(e.field()).isEqualTo("settings.task_options.file");
        assertThat(e.getMessage()).contains("has changed since the session was saved")
                .contains("SHA-256 " + after.substring(0, 12) + "…, saved " + before.substring(0, 12) + "…")
                .contains(data.toAbsolutePath().toString()).doesNotContain("\n");
        assertThat(Files.readAllBytes(session)).isEqualTo(sessionBytes);

        Files.delete(data);
        FormatException gone = (FormatException) catchThrowable(() -> SessionFile.read(session));
        assertThat(gone.field()).isEqualTo("settings.task_options.file");
        assertThat(gone.getMessage()).contains("cannot be read");
    }

    @Test
    void aSessionWithoutADigestOpensAsBefore() throws Exception {
        Path data = series(dir.resolve("series.csv"), 80);
        SessionState s = trained(data);
        Path session = save(dir.resolve("run.json"), s);
        ObjectNode root = (ObjectNode) JSON.readTree(session.toFile());
        ((ObjectNode) root.path("settings").path("task_options")).remove("sha256");
        Path older = dir.resolve("older.json");
        JSON.writeValue(older.toFile(), root);
        Files.writeString(data, Files.readString(data) + "80,0.25\n");
        assertThat(SessionFile.read(older).weights()).isDeepEqualTo(s.weights());
    }

    /** The digest of a file longer than the reader's buffer covers every byte, in order. */
    @Test
    void theDigestReadsTheWholeFile() throws Exception {
        byte[] bytes = new byte[200_003];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 9));
        }
        Path p = Files.write(dir.resolve("big.csv"), bytes);
        assertThat(SessionFile.sha256(p)).isEqualTo(sha256(p)).hasSize(64);
        assertThat(SessionFile.sha256(Files.write(dir.resolve("empty.csv"), new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}

package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.task.speech.RecordingId;
import org.rnnlab.task.speech.SpeechTask;
import org.rnnlab.task.speech.SpokenDigits;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.EngineRunner;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.audio.AudioSink;
import org.rnnlab.ui.audio.NoSoundDeviceException;
import org.rnnlab.ui.audio.RecordingPlayer;
import org.rnnlab.ui.chart.ViewStyle;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Play with a sound device (a fake one): the chosen recording's samples reach the sink as 16-bit
 * little-endian bytes, off the FX thread; Play is disabled while it plays and enabled after.
 */
@ExtendWith(ApplicationExtension.class)
class ListenPanelPlayTest {
    /** Holds each play until released, keeping the bytes and the thread. */
    private static final class HeldSink implements AudioSink {
        final List<byte[]> played = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String problem() {
            return null;
        }

        @Override
        public void play(byte[] pcm, int sampleRate) throws NoSoundDeviceException {
            synchronized (this) {
                played.add(pcm);
                threads.add(Thread.currentThread().getName());
            }
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final HeldSink sink = new HeldSink();
    private EngineRunner runner;
    private ListenPanel panel;

    @Start
    void start(Stage stage) {
        runner = EngineRunner.start(DefaultTasks.factory());
        RecordingPlayer player = new RecordingPlayer(sink, Executors.newSingleThreadExecutor(r -> new Thread(r, "test-audio")));
        panel = new ListenPanel(runner::listen, Platform::runLater, player, new ViewStyle(), () -> { });
        stage.setScene(new Scene(new StackPane(panel.node()), 1400, 300));
        stage.show();
    }

    @AfterEach
    void close() {
        sink.release.countDown();
        runner.close();
    }

    @Test
    void playSendsTheRecordingsBytesToTheSinkAndIsDisabledWhilePlaying(FxRobot robot) throws Exception {
        runner.reset(SimulationSettings.defaults().withTask(SpeechTask.ID, 48).withHiddenSize(4).withBatchSize(4));
        runner.awaitIdle(60, TimeUnit.SECONDS);
        robot.interact(() -> panel.show(runner.latest()));
        robot.clickOn("#recording");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("7 · jackson");
        Button play = robot.lookup("#play").queryButton();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> panel.view().prediction() != null
                && panel.view().prediction().digit() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(play.isDisabled()).as("enabled by the prediction's arrival, with no new snapshot").isFalse();
        assertThat(robot.lookup("#sound").query().isVisible()).isFalse();

        robot.clickOn(play);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            synchronized (sink) {
                return !sink.played.isEmpty();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(play.isDisabled()).as("disabled while playing").isTrue();
        RecordingId seven = new RecordingId(7, "jackson", 0);
        synchronized (sink) {
            assertThat(sink.played.get(0)).isEqualTo(RecordingPlayer.bytes(SpokenDigits.load().waveforms().get(seven)));
            assertThat(sink.threads).containsExactly("test-audio");
        }
        sink.release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !play.isDisabled());
        assertThat(panel.view().figure().title()).startsWith("true digit 7");
    }
}

package org.rnnlab.ui.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rnnlab.task.speech.PcmAudio;

/**
 * Playing a recording: the sink gets its samples as 16-bit little-endian bytes at its rate, on
 * the audio thread; no device is an answer (the probe's line, a failed future), never a crash.
 */
class RecordingPlayerTest {
    private static final PcmAudio AUDIO = new PcmAudio("t", 8000, new short[] {0, 1, -1, 258, Short.MIN_VALUE, 32767});

    /** Keeps what it was asked to play, and on which thread. */
    private static final class FakeSink implements AudioSink {
        final List<byte[]> played = new ArrayList<>();
        final List<Integer> rates = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        final String problem;

        FakeSink(String problem) {
            this.problem = problem;
        }

        @Override
        public String problem() {
            return problem;
        }

        @Override
        public void play(byte[] pcm, int sampleRate) throws NoSoundDeviceException {
            threads.add(Thread.currentThread().getName());
            if (problem != null) {
                throw new NoSoundDeviceException(problem, null);
            }
            played.add(pcm.clone());
            rates.add(sampleRate);
        }
    }

    private static RecordingPlayer player(AudioSink sink) {
        return new RecordingPlayer(sink, Executors.newSingleThreadExecutor(r -> new Thread(r, "test-audio")));
    }

    @Test
    void theSinkGetsTheSamplesAsLittleEndianBytesOnTheAudioThread() throws Exception {
        FakeSink sink = new FakeSink(null);
        RecordingPlayer p = player(sink);
        assertThat(p.probe().get(10, TimeUnit.SECONDS)).isNull();
        p.play(AUDIO).get(10, TimeUnit.SECONDS);
        assertThat(sink.played).hasSize(1);
        assertThat(sink.played.get(0)).containsExactly(0, 0, 1, 0, 0xFF, 0xFF, 2, 1, 0, 0x80, 0xFF, 0x7F);
        assertThat(sink.rates).containsExactly(8000);
        assertThat(sink.threads).containsExactly("test-audio");
        p.close();
    }

    @Test
    void noDeviceIsTheProbesLineAndAFailedFutureNotACrash() throws Exception {
        FakeSink sink = new FakeSink("no sound device");
        RecordingPlayer p = player(sink);
        assertThat(p.probe().get(10, TimeUnit.SECONDS)).isEqualTo("no sound device");
        assertThatThrownBy(() -> p.play(AUDIO).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(NoSoundDeviceException.class).hasMessage("no sound device");
        assertThat(sink.played).isEmpty();
        // the audio thread lives on
        assertThat(p.probe().get(10, TimeUnit.SECONDS)).isEqualTo("no sound device");
        p.close();
    }

    @Test
    void aHeadlessRunHasNoSoundDevice() {
        assertThat(java.awt.GraphicsEnvironment.isHeadless()).as("surefire runs with java.awt.headless=true").isTrue();
        JavaSoundSink sink = new JavaSoundSink();
        assertThat(sink.problem()).isEqualTo("no sound device (headless)");
        assertThatThrownBy(() -> sink.play(new byte[4], 8000)).isInstanceOf(NoSoundDeviceException.class)
                .hasMessage("no sound device (headless)");
    }
}

package org.rnnlab.ui.audio;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.rnnlab.task.speech.PcmAudio;

/**
 * Plays recordings on a thread of its own (never the FX thread, never the engine thread), one
 * after the other, through an {@link AudioSink}. Having no sound device is an answer, not an
 * error: {@link #probe} says so in one line and {@link #play} fails with
 * {@link NoSoundDeviceException}.
 */
public final class RecordingPlayer {
    private final AudioSink sink;
    private final ExecutorService audio;

    /**
     * @param sink  where the sound goes
     * @param audio the thread that plays (a single thread: one recording at a time)
     */
    public RecordingPlayer(AudioSink sink, ExecutorService audio) {
        this.sink = sink;
        this.audio = audio;
    }

    /** A player on the sound device, on a daemon thread named "rnnlab-audio". */
    public static RecordingPlayer system() {
        return new RecordingPlayer(new JavaSoundSink(), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rnnlab-audio");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Completes on the audio thread with null if the sink can play, else with why not. */
    public CompletableFuture<String> probe() {
        return CompletableFuture.supplyAsync(sink::problem, audio);
    }

    /** Plays the recording; completes when it has been played, or fails with the reason. */
    public CompletableFuture<Void> play(PcmAudio recording) {
        byte[] pcm = bytes(recording);
        int rate = recording.sampleRate();
        CompletableFuture<Void> done = new CompletableFuture<>();
        audio.execute(() -> {
            try {
                sink.play(pcm, rate);
                done.complete(null);
            } catch (NoSoundDeviceException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** The samples as signed 16-bit little-endian bytes, as the sink plays them. */
    public static byte[] bytes(PcmAudio recording) {
        byte[] out = new byte[2 * recording.length()];
        for (int i = 0; i < recording.length(); i++) {
            short s = recording.sample(i);
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }

    /** Stops the audio thread. */
    public void close() {
        audio.shutdownNow();
    }
}

package org.rnnlab.ui.audio;

import java.awt.GraphicsEnvironment;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The sound device through {@code javax.sound.sampled}: a {@link SourceDataLine} opened for each
 * recording, written, drained and closed. A headless run (tests, screenshots) never plays.
 */
public final class JavaSoundSink implements AudioSink {
    /** The message for a machine without sound output. */
    public static final String NO_DEVICE = "no sound device";

    @Override
    public String problem() {
        if (GraphicsEnvironment.isHeadless()) {
            return NO_DEVICE + " (headless)";
        }
        try {
            return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format(8000))) ? null : NO_DEVICE;
        } catch (RuntimeException e) {
            return NO_DEVICE + ": " + e.getMessage();
        }
    }

    @Override
    public void play(byte[] pcm, int sampleRate) throws NoSoundDeviceException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new NoSoundDeviceException(NO_DEVICE + " (headless)", null);
        }
        AudioFormat f = format(sampleRate);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(f)) {
            line.open(f);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
            line.stop();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new NoSoundDeviceException(NO_DEVICE + ": " + e.getMessage(), e);
        }
    }

    private static AudioFormat format(int sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }
}

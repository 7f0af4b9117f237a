package org.rnnlab.task.speech;

import java.io.IOException;

/** A file that is not the WAV this project reads (RIFF/WAVE, PCM, 16-bit, mono); the message names the file. */
public final class WavFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public WavFormatException(String message) {
        super(message);
    }
}

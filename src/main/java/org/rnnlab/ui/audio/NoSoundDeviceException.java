package org.rnnlab.ui.audio;

/** There is no sound device to play on; the message is one line for the window. */
public final class NoSoundDeviceException extends Exception {
    public NoSoundDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.rnnlab.ui.audio;

/**
 * Where played sound goes: the computer's sound device ({@link JavaSoundSink}) or, in tests, a
 * fake that keeps the bytes. Called on the audio thread only.
 */
public interface AudioSink {
    /** Null if this sink can play, else one line saying why not ("no sound device"). */
    String problem();

    /**
     * Plays mono signed 16-bit little-endian PCM at {@code sampleRate} Hz and returns when it has
     * been played.
     *
     * @throws NoSoundDeviceException if there is no device to play on
     */
    void play(byte[] pcm, int sampleRate) throws NoSoundDeviceException;
}

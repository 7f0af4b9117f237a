package org.rnnlab.task.speech;

/** Which features {@link SpokenDigits} gives per frame. */
public enum SpeechFeatures {
    /** The 26 log-mel energies ln(E + ε) of {@link LogMelFeatures#FSDD}. */
    LOG_MEL,
    /** 13 MFCCs: the orthonormal DCT-II of the 26 log-mel energies ({@link Mfcc}). */
    MFCC;

    /** Number of cepstral coefficients kept for {@link #MFCC}. */
    public static final int MFCC_COEFFICIENTS = 13;
}

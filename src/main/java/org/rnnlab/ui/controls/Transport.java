package org.rnnlab.ui.controls;

/**
 * What the transport and train bars drive: the window's run ({@code ShellCommands}) or compare
 * mode's lanes in lockstep ({@code CompareMode}). Each method is a command to the engine thread
 * and returns at once; while training runs, the stepping commands are ignored. FX thread.
 */
public interface Transport {
    /** Rebuilds from the seed and starts again. */
    void reset();

    /** One tick back. */
    void stepBack();

    /** Plays, or pauses when playing. */
    void togglePlay();

    /** One tick forward. */
    void stepForward();

    /** Finishes the forward pass and the loss, and shows the first backward tick. */
    void jumpToBackward();

    /** The playing speed, in ticks per second ({@code SpeedScale}). */
    void setSpeed(double ticksPerSecond);

    /** Trains {@code iterations} iterations at full speed. */
    void train(long iterations);

    /** Stops training after the iteration in progress. */
    void cancelTraining();
}

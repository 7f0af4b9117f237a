package org.rnnlab.training;

import java.util.concurrent.TimeUnit;

/**
 * The transport of an engine runner, the same for one simulation and for lanes in lockstep:
 * every call goes to the runner's {@link EngineLoop} (see there for the threading).
 *
 * @param <S> the snapshot type
 */
public interface LoopControls<S> extends AutoCloseable {
    /** The loop that runs this runner's commands. */
    EngineLoop<S> loop();

    /** The newest snapshot, or null before the first. */
    default S latest() {
        return loop().latest();
    }

    /** The message of the last command that failed, or null. */
    default String lastError() {
        return loop().lastError();
    }

    default boolean isPlaying() {
        return loop().isPlaying();
    }

    default boolean isTraining() {
        return loop().isTraining();
    }

    default double speed() {
        return loop().speed();
    }

    /** Ticks per second while playing; +Inf is full speed. */
    default void setSpeed(double tps) {
        loop().setSpeed(tps);
    }

    default void play() {
        loop().play();
    }

    default void pause() {
        loop().pause();
    }

    /** Trains {@code n} iterations at full speed, in slices, publishing progress. */
    default void train(long n) {
        loop().train(n);
    }

    /** Stops training after the iteration in progress. */
    default void cancelTraining() {
        loop().cancelTraining();
    }

    /** Stops playing and training. */
    default void stop() {
        loop().stop();
    }

    default void stepForward() {
        loop().stepForward();
    }

    default void stepBack() {
        loop().stepBack();
    }

    default void seek(int position) {
        loop().seek(position);
    }

    default void jumpToBackward() {
        loop().jumpToBackward();
    }

    default void selectRow(int b) {
        loop().selectRow(b);
    }

    /** Waits until every command submitted so far has run (tests, exports). */
    default void awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        loop().awaitIdle(timeout, unit);
    }

    @Override
    default void close() {
        loop().close();
    }
}

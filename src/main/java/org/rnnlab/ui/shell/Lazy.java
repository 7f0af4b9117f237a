package org.rnnlab.ui.shell;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A part of the window built the first time it is asked for, not with the window: what the
 * first frame does not show (the settings panel, the keyboard help, the presenter strip), so the
 * window appears sooner. Built once; FX thread only, so no locking.
 *
 * @param <T> the part
 */
final class Lazy<T> implements Supplier<T> {
    private Supplier<? extends T> build;
    private T value;

    Lazy(Supplier<? extends T> build) {
        this.build = Objects.requireNonNull(build);
    }

    /** The part, built now if it has not been. */
    @Override
    public T get() {
        if (build != null) {
            value = Objects.requireNonNull(build.get());
            build = null;
        }
        return value;
    }

    /** Whether {@link #get()} has built the part. */
    boolean isBuilt() {
        return build == null;
    }
}

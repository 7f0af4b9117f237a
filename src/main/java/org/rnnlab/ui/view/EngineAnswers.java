package org.rnnlab.ui.view;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * A panel's requests to the engine, one at a time: the panel says what it wants now (a key and how
 * to ask for it); if nothing is in flight it is asked at once, else the newest want is asked when
 * the answer comes. An answer is handed over on the FX thread unless the panel has moved on to
 * another target since (another run, another recording), which also drops the answer shown.
 * FX thread.
 *
 * @param <K> what an answer depends on (equal keys are asked once)
 * @param <A> the answer
 */
final class EngineAnswers<K, A> {
    /**
     * What the panel does with an answer: {@code answer}, or null and {@code problem} (one line why
     * there is none); both null when the target changed and the answer shown is no longer right.
     */
    interface Sink<A> {
        void answered(A answer, String problem);
    }

    private final Executor fx;
    private final BiPredicate<K, K> sameTarget;
    private final Sink<A> sink;
    private K asked;
    private K wanted;
    private Supplier<CompletableFuture<A>> ask;
    private boolean inFlight;

    /**
     * @param fx         runs the answer on the FX thread ({@code Platform::runLater})
     * @param sameTarget whether an answer for the first key is still worth showing for the second
     */
    EngineAnswers(Executor fx, BiPredicate<K, K> sameTarget, Sink<A> sink) {
        this.fx = fx;
        this.sameTarget = sameTarget;
        this.sink = sink;
    }

    /** The key wanted last, or null before the first. */
    K wanted() {
        return wanted;
    }

    /** Wants the answer for {@code key}, asked with {@code request} (unless it is the key wanted already). */
    void want(K key, Supplier<CompletableFuture<A>> request) {
        if (key.equals(wanted)) {
            return;
        }
        if (wanted != null && !sameTarget.test(wanted, key)) {
            sink.answered(null, null);
        }
        wanted = key;
        ask = request;
        askIfIdle();
    }

    private void askIfIdle() {
        if (inFlight || wanted == null || wanted.equals(asked)) {
            return;
        }
        K key = wanted;
        asked = key;
        inFlight = true;
        ask.get().whenComplete((a, e) -> fx.execute(() -> {
            inFlight = false;
            if (wanted != null && sameTarget.test(key, wanted)) {
                sink.answered(e == null ? a : null, e == null ? null : message(e));
            }
            askIfIdle();
        }));
    }

    private static String message(Throwable e) {
        Throwable c = e.getCause() != null ? e.getCause() : e;
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}

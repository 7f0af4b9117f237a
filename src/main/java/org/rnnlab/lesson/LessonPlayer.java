package org.rnnlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rnnlab.io.LessonPosition;

/**
 * Plays any {@link Lesson}: holds the position, sends each step's actions to a {@link LessonHost},
 * and stops at every "predict, then reveal" pause until the answer is revealed. There is no code
 * per lesson; everything a lesson does is in its file.
 *
 * <p>Entering a step without a pause runs its actions at once. Entering a step with a pause shows
 * its text and question ({@link State#QUESTION}) and runs nothing: the class guesses first.
 * {@link #reveal()} shows the explanation and only then runs the step's actions, so the tick or
 * result the question is about appears after the guess. {@link #next()} refuses to leave a
 * question that has not been revealed.
 *
 * <p>Going back, jumping and restoring rebuild the engine's state by replay: from the last
 * {@code reset} or {@code compare} at or before the position (or the lesson's own settings when
 * there is none), every engine action of the earlier steps is sent again, which gives the same
 * run because every run is a function of its seed. Play/pause of earlier steps are not replayed,
 * and the latest focus, unit and speed are re-applied. Going back over steps that only changed
 * the views replays nothing.
 *
 * <p>Not thread-safe and free of JavaFX: the window uses it on the FX thread. It never runs engine
 * code itself; the host enqueues on the engine thread.
 */
public final class LessonPlayer {

    /** Where the player stands within the current step. */
    public enum State {
        /** The step's text is shown and its actions have run. */
        SHOWING,
        /** A prediction is asked; the step's actions wait for {@link #reveal()}. */
        QUESTION,
        /** The prediction's answer and explanation are shown and the step's actions have run. */
        REVEALED
    }

    /** How {@link #restore} brings the engine to the position. */
    public enum Restore {
        /** Reset and replay the lesson's actions up to the position (a lesson picked from the menu, or undo). */
        REPLAY,
        /**
         * The engine is already where the lesson left it (a session file restored it, bit for
         * bit): send no engine commands, only re-apply the views (focus, unit, speed).
         */
        VIEWS_ONLY
    }

    private final Lesson lesson;
    private final LessonHost host;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private int index = -1;
    private boolean revealed;
    private int guess = -1;
    private String hostError;

    public LessonPlayer(Lesson lesson, LessonHost host) {
        if (lesson == null || host == null) {
            throw new IllegalArgumentException("lesson and host must be given, were " + lesson + ", " + host);
        }
        this.lesson = lesson;
        this.host = host;
    }

    // ---- reading ----

    public Lesson lesson() {
        return lesson;
    }

    /** The current step's index, 0-based; −1 before {@link #start()}. */
    public int index() {
        return index;
    }

    public int stepCount() {
        return lesson.stepCount();
    }

    public boolean isStarted() {
        return index >= 0;
    }

    /** The current step. */
    public LessonStep step() {
        requireStarted();
        return lesson.step(index);
    }

    public State state() {
        requireStarted();
        if (!step().hasPrediction()) {
            return State.SHOWING;
        }
        return revealed ? State.REVEALED : State.QUESTION;
    }

    /** The current step's text for the class. */
    public String text() {
        return step().text();
    }

    /** The current step's prediction, if it has one (shown in both QUESTION and REVEALED). */
    public Optional<Prediction> prediction() {
        return Optional.ofNullable(step().prediction());
    }

    /** True while a question waits for {@link #reveal()}. */
    public boolean isAwaitingReveal() {
        return isStarted() && state() == State.QUESTION;
    }

    public boolean isRevealed() {
        return isStarted() && state() == State.REVEALED;
    }

    /** The explanation, present only once revealed. */
    public Optional<String> explanation() {
        return isRevealed() ? Optional.of(step().prediction().explanation()) : Optional.empty();
    }

    /** The class's chosen answer at this step, −1 if none. */
    public int guess() {
        return guess;
    }

    /** Whether the chosen answer is right; empty before reveal, without a guess, or for a free answer. */
    public Optional<Boolean> guessCorrect() {
        if (!isRevealed() || guess < 0 || step().prediction().isFreeAnswer()) {
            return Optional.empty();
        }
        return Optional.of(guess == step().prediction().answer());
    }

    public boolean canNext() {
        return isStarted() && !isAwaitingReveal() && index < lesson.stepCount() - 1;
    }

    public boolean canReveal() {
        return isAwaitingReveal();
    }

    public boolean canBack() {
        return index > 0;
    }

    /** True at the last step with nothing left to reveal. */
    public boolean isFinished() {
        return isStarted() && index == lesson.stepCount() - 1 && !isAwaitingReveal();
    }

    /** The message of the last host call that failed since the last move, or null. */
    public String hostError() {
        return hostError;
    }

    /** "Step 3 of 9". */
    public String progressText() {
        return "Step " + (index + 1) + " of " + lesson.stepCount();
    }

    /** This lesson's position (lesson id and step index), as a session file saved now keeps it. */
    public LessonPosition position() {
        return new LessonPosition(lesson.id(), Math.max(index, 0));
    }

    // ---- listening ----

    /** Called after every change of position or state, on the caller's thread. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    // ---- moving ----

    /** Starts at the first step: resets the run to the lesson's settings and enters step 0. */
    public void start() {
        moveByReplay(0);
    }

    /**
     * Enters the next step (its actions run at once unless it asks a prediction).
     *
     * @return false, changing nothing, at the last step or while a question waits for reveal
     */
    public boolean next() {
        if (!canNext()) {
            return false;
        }
        hostError = null;
        index++;
        revealed = false;
        guess = -1;
        if (!step().hasPrediction()) {
            run(step().actions());
        }
        fire();
        return true;
    }

    /**
     * Records the class's guess (before reveal, at a step with choices).
     *
     * @return false if there is no question with choices waiting
     */
    public boolean choose(int choice) {
        if (!isAwaitingReveal() || step().prediction().isFreeAnswer()) {
            return false;
        }
        if (choice < 0 || choice >= step().prediction().choices().size()) {
            throw new IllegalArgumentException("choice must be in 0.." + (step().prediction().choices().size() - 1)
                    + ", was " + choice);
        }
        guess = choice;
        fire();
        return true;
    }

    /**
     * Reveals the answer and explanation, then runs the step's actions.
     *
     * @return false if no question is waiting
     */
    public boolean reveal() {
        if (!isAwaitingReveal()) {
            return false;
        }
        hostError = null;
        revealed = true;
        run(step().actions());
        fire();
        return true;
    }

    /** The presenter clicker's "next": reveals a waiting answer, else enters the next step. */
    public boolean advance() {
        return isAwaitingReveal() ? reveal() : next();
    }

    /**
     * Back to the previous step, as it is when entered (a question is asked again). Replays the
     * engine only if a step being left changed it.
     *
     * @return false at the first step
     */
    public boolean back() {
        if (!canBack()) {
            return false;
        }
        int target = index - 1;
        List<LessonAction> now = executed(index, revealed);
        List<LessonAction> then = executed(target, false);
        List<LessonAction> undone = now.subList(then.size(), now.size());
        boolean engineChanged = undone.stream().anyMatch(a -> a.kind() == LessonAction.Kind.ENGINE
                || a.kind() == LessonAction.Kind.RUN_START);
        if (engineChanged) {
            moveByReplay(target);
            return true;
        }
        hostError = null;
        index = target;
        revealed = false;
        guess = -1;
        if (undone.stream().anyMatch(a -> a instanceof LessonAction.Play)) {
            call(new LessonAction.Pause());
        }
        reapplyViews(then, then.size(), undone);
        fire();
        return true;
    }

    /**
     * Jumps to a step, rebuilding the engine's state by replay.
     *
     * @throws IllegalArgumentException if {@code step} is not a step of the lesson
     */
    public void goTo(int step) {
        checkStep(step);
        moveByReplay(step);
    }

    /**
     * Returns to a saved position (a {@link LessonPosition}'s lesson id and step). A step with a
     * prediction is restored with its question asked and not yet revealed.
     *
     * @throws IllegalArgumentException if the id is not this lesson's or the step is not in it
     */
    public void restore(String lessonId, int step, Restore mode) {
        if (!lesson.id().equals(lessonId)) {
            throw new IllegalArgumentException("lesson id must be '" + lesson.id() + "' for this player, was '"
                    + lessonId + "'");
        }
        checkStep(step);
        if (mode == Restore.REPLAY) {
            moveByReplay(step);
            return;
        }
        hostError = null;
        index = step;
        revealed = false;
        guess = -1;
        List<LessonAction> done = executed(step, false);
        reapplyViews(done, done.size(), null);
        fire();
    }

    // ---- internals ----

    /** The actions that have run when standing at {@code step} (with its own actions if it has run them). */
    private List<LessonAction> executed(int step, boolean stepRevealed) {
        List<LessonAction> out = new ArrayList<>();
        for (int i = 0; i < step; i++) {
            out.addAll(lesson.step(i).actions());
        }
        LessonStep s = lesson.step(step);
        if (!s.hasPrediction() || stepRevealed) {
            out.addAll(s.actions());
        }
        return out;
    }

    private void moveByReplay(int target) {
        hostError = null;
        List<LessonAction> earlier = new ArrayList<>();
        for (int i = 0; i < target; i++) {
            earlier.addAll(lesson.step(i).actions());
        }
        LessonStep s = lesson.step(target);
        List<LessonAction> own = s.hasPrediction() ? List.of() : s.actions();
        List<LessonAction> all = new ArrayList<>(earlier);
        all.addAll(own);
        int start = -1;
        for (int k = all.size() - 1; k >= 0; k--) {
            if (all.get(k).kind() == LessonAction.Kind.RUN_START) {
                start = k;
                break;
            }
        }
        if (start < 0) {
            call(new LessonAction.Reset(lesson.settings()));
            start = 0;
        }
        reapplyViews(all, start, null);
        for (int k = start; k < all.size(); k++) {
            LessonAction a = all.get(k);
            boolean ownAction = k >= earlier.size();
            if (a.kind() != LessonAction.Kind.TRANSPORT || ownAction) {
                call(a);
            }
        }
        index = target;
        revealed = false;
        guess = -1;
        fire();
    }

    /**
     * Re-applies the latest focus, unit and speed among {@code actions[0, end)}; when
     * {@code onlyKindsIn} is given, only for the kinds of view action it contains.
     */
    private void reapplyViews(List<LessonAction> actions, int end, List<LessonAction> onlyKindsIn) {
        List<Class<?>> kinds = List.of(LessonAction.Focus.class, LessonAction.SelectUnit.class, LessonAction.SetSpeed.class);
        for (Class<?> kind : kinds) {
            if (onlyKindsIn != null && onlyKindsIn.stream().noneMatch(kind::isInstance)) {
                continue;
            }
            for (int k = end - 1; k >= 0; k--) {
                if (kind.isInstance(actions.get(k))) {
                    call(actions.get(k));
                    break;
                }
            }
        }
    }

    private void run(List<LessonAction> actions) {
        for (LessonAction a : actions) {
            call(a);
        }
    }

    private void call(LessonAction a) {
        try {
            a.applyTo(host);
        } catch (RuntimeException e) {
            hostError = a.name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void fire() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    private void requireStarted() {
        if (index < 0) {
            throw new IllegalStateException("the lesson '" + lesson.id() + "' has not been started");
        }
    }

    private void checkStep(int step) {
        if (step < 0 || step >= lesson.stepCount()) {
            throw new IllegalArgumentException("step must be in 0.." + (lesson.stepCount() - 1) + " for lesson '"
                    + lesson.id() + "', was " + step);
        }
    }
}

package org.rnnlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.io.LessonPosition;

class LessonPlayerTest {
    private final RecordingHost host = new RecordingHost();

    private static Lesson builtIn(String id) {
        return Lessons.all().find(id).orElseThrow();
    }

    /** A lesson exercising every branch: no reset at the start, views only, play, a free question. */
    private static Lesson demo() {
        return new LessonReader().read("demo.json", """
                { "id": "demo", "title": "Demo", "summary": "S.",
                  "settings": { "cell": "rnn", "task": "adding", "seq_len": 10, "spectral_radius": 0.5, "seed": 3 },
                  "steps": [
                    { "text": "Zero.", "action": { "do": "focus", "view": "diagram" } },
                    { "text": "One.", "actions": [ { "do": "step", "ticks": 2 }, { "do": "select", "unit": 4 } ] },
                    { "text": "Two.", "actions": [ { "do": "focus", "view": "heatmaps" }, { "do": "speed", "ticks_per_second": 2 }, { "do": "play" } ] },
                    { "text": "Three.", "predict": { "question": "Why?", "explanation": "Because." },
                      "actions": [ { "do": "pause" }, { "do": "reset", "settings": { "spectral_radius": 0.9 } }, { "do": "jump-to-backward" } ] },
                    { "text": "Four.", "action": { "do": "train", "iterations": 5 } } ] }
                """);
    }

    @Test
    void walksTheVanishingLessonAndPausesAtEveryPrediction() {
        Lesson lesson = builtIn("vanishing-gradients");
        LessonPlayer p = new LessonPlayer(lesson, host);
        List<String> events = new ArrayList<>();
        p.addListener(() -> events.add(p.index() + ":" + p.state()));
        assertThat(p.isStarted()).isFalse();

        p.start();
        assertThat(p.index()).isZero();
        assertThat(p.state()).isEqualTo(LessonPlayer.State.SHOWING);
        assertThat(p.text()).isEqualTo(lesson.step(0).text());
        assertThat(host.drain()).containsExactly("reset(rnn adding T=20 r=0.5 seed=1)", "focus(equations)");

        assertThat(p.next()).isTrue();
        assertThat(host.drain()).containsExactly("jumpToBackward", "focus(gradient-flow)");

        // step 2 asks before it shows: nothing is sent to the engine until the reveal
        assertThat(p.next()).isTrue();
        assertThat(p.state()).isEqualTo(LessonPlayer.State.QUESTION);
        assertThat(p.isAwaitingReveal()).isTrue();
        assertThat(p.prediction()).get().extracting(Prediction::question)
                .isEqualTo("How big will ||dL/dh_1|| be, compared with ||dL/dh_20||?");
        assertThat(p.explanation()).isEmpty();
        assertThat(host.drain()).isEmpty();
        assertThat(p.canNext()).isFalse();
        assertThat(p.next()).as("cannot go past an unrevealed question").isFalse();
        assertThat(p.index()).isEqualTo(2);
        assertThat(host.drain()).isEmpty();

        assertThat(p.choose(1)).isTrue();
        assertThat(p.guess()).isEqualTo(1);
        assertThat(p.guessCorrect()).isEmpty();
        assertThat(p.reveal()).isTrue();
        assertThat(p.state()).isEqualTo(LessonPlayer.State.REVEALED);
        assertThat(p.explanation()).contains(lesson.step(2).prediction().explanation());
        assertThat(p.guessCorrect()).contains(false);
        assertThat(host.drain()).containsExactly("step(19)");
        assertThat(p.reveal()).isFalse();
        assertThat(p.choose(3)).as("no guessing after the reveal").isFalse();

        assertThat(p.next()).isTrue();
        assertThat(host.drain()).isEmpty();
        assertThat(p.next()).isTrue();
        assertThat(p.isAwaitingReveal()).isTrue();
        assertThat(p.advance()).as("the clicker reveals").isTrue();
        assertThat(host.drain()).containsExactly("reset(rnn adding T=20 r=0.9 seed=1)", "jumpToBackward", "step(19)");
        assertThat(p.advance()).as("then goes on").isTrue();
        assertThat(host.drain()).containsExactly("reset(rnn adding T=20 r=1.0 seed=1)", "jumpToBackward", "step(19)");
        assertThat(p.next()).isTrue();
        assertThat(p.isFinished()).isTrue();
        assertThat(p.next()).isFalse();
        assertThat(p.advance()).isFalse();
        assertThat(p.progressText()).isEqualTo("Step 7 of 7");
        assertThat(events).containsExactly("0:SHOWING", "1:SHOWING", "2:QUESTION", "2:QUESTION", "2:REVEALED",
                "3:SHOWING", "4:QUESTION", "4:REVEALED", "5:SHOWING", "6:SHOWING");
    }

    @Test
    void everyBuiltInLessonCanBeWalkedToTheEnd() {
        for (Lesson l : Lessons.all().lessons()) {
            LessonPlayer p = new LessonPlayer(l, host);
            p.start();
            int guard = 0;
            while (p.advance()) {
                assertThat(guard++).isLessThan(2 * l.stepCount());
            }
            assertThat(p.isFinished()).as(l.id()).isTrue();
            assertThat(p.hostError()).isNull();
        }
    }

    @Test
    void backReplaysFromTheLastResetAndAsksTheQuestionAgain() {
        LessonPlayer p = new LessonPlayer(builtIn("vanishing-gradients"), host);
        p.start();
        p.next();
        p.next();
        p.reveal();
        p.next();
        host.drain();
        assertThat(p.back()).isTrue();
        assertThat(p.index()).isEqualTo(2);
        assertThat(p.state()).isEqualTo(LessonPlayer.State.QUESTION);
        assertThat(host.drain()).as("the engine is rebuilt to where step 2 asks, before its own step(19)")
                .containsExactly("reset(rnn adding T=20 r=0.5 seed=1)", "focus(equations)", "jumpToBackward",
                        "focus(gradient-flow)");
        p.reveal();
        assertThat(host.drain()).containsExactly("step(19)");
        assertThat(p.back()).isTrue();
        assertThat(host.drain()).containsExactly("reset(rnn adding T=20 r=0.5 seed=1)", "focus(equations)",
                "jumpToBackward", "focus(gradient-flow)");
        assertThat(p.state()).isEqualTo(LessonPlayer.State.SHOWING);
    }

    @Test
    void backOverViewOnlyStepsReplaysNothingButTheViews() {
        LessonPlayer p = new LessonPlayer(demo(), host);
        p.start();
        assertThat(host.drain()).as("no reset in step 0: the lesson's own settings")
                .containsExactly("reset(rnn adding T=10 r=0.5 seed=3)", "focus(diagram)");
        p.next();
        p.next();
        assertThat(host.drain()).containsExactly("step(2)", "unit(4)", "focus(heatmaps)", "speed(2.0)", "play");
        assertThat(p.back()).isTrue();
        assertThat(host.drain()).as("step 2 only changed views and played: pause and restore the focus")
                .containsExactly("pause", "focus(diagram)");
        assertThat(p.index()).isEqualTo(1);
    }

    @Test
    void replayNeverReplaysEarlierPlayButDoesTheTargetsOwn() {
        LessonPlayer p = new LessonPlayer(demo(), host);
        p.goTo(2);
        assertThat(host.drain()).containsExactly("reset(rnn adding T=10 r=0.5 seed=3)", "focus(diagram)", "step(2)",
                "unit(4)", "focus(heatmaps)", "speed(2.0)", "play");
        p.goTo(4);
        assertThat(host.drain()).as("from the reset of step 3, its pause and the earlier play dropped")
                .containsExactly("focus(heatmaps)", "unit(4)", "speed(2.0)", "reset(rnn adding T=10 r=0.9 seed=3)",
                        "jumpToBackward", "train(5)");
        assertThatThrownBy(() -> p.goTo(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step must be in 0..4 for lesson 'demo', was 5");
    }

    @Test
    void restoresToLessonAndStep() {
        Lesson lesson = builtIn("exploding-gradients");
        LessonPlayer p = new LessonPlayer(lesson, host);
        p.restore("exploding-gradients", 3, LessonPlayer.Restore.REPLAY);
        assertThat(p.index()).isEqualTo(3);
        assertThat(p.state()).isEqualTo(LessonPlayer.State.QUESTION);
        assertThat(p.text()).isEqualTo(lesson.step(3).text());
        assertThat(host.drain()).containsExactly("focus(gradient-flow)", "reset(rnn adding T=30 r=3.0 seed=1)",
                "jumpToBackward", "step(29)");
        p.reveal();
        assertThat(host.drain()).containsExactly("step(1)", "focus(curves)");

        LessonPlayer q = new LessonPlayer(lesson, host);
        q.restore("exploding-gradients", 5, LessonPlayer.Restore.VIEWS_ONLY);
        assertThat(q.index()).isEqualTo(5);
        assertThat(q.isAwaitingReveal()).isTrue();
        assertThat(host.drain()).as("the session already restored the engine").containsExactly("focus(curves)");

        assertThatThrownBy(() -> q.restore("lstm-gates", 1, LessonPlayer.Restore.REPLAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lesson id must be 'exploding-gradients' for this player, was 'lstm-gates'");
        assertThatThrownBy(() -> q.restore("exploding-gradients", -1, LessonPlayer.Restore.REPLAY))
                .hasMessage("step must be in 0..7 for lesson 'exploding-gradients', was -1");
    }

    @Test
    void savesItsPositionInTheSession() {
        LessonPlayer p = new LessonPlayer(builtIn("lstm-gates"), host);
        p.start();
        p.next();
        p.next();
        LessonPosition saved = p.position();
        assertThat(saved).isEqualTo(new LessonPosition("lstm-gates", 2));

        LessonPlayer reopened = new LessonPlayer(Lessons.all().find(saved.lessonId()).orElseThrow(), host);
        reopened.restore(saved.lessonId(), saved.step(), LessonPlayer.Restore.REPLAY);
        assertThat(reopened.text()).isEqualTo(p.text());
    }

    @Test
    void aFailingHostIsReportedNotThrown() {
        LessonPlayer p = new LessonPlayer(builtIn("vanishing-gradients"), host);
        host.failNext = new IllegalArgumentException("task 'adding' is not one of speech");
        p.start();
        assertThat(p.hostError()).isEqualTo("reset: task 'adding' is not one of speech");
        assertThat(p.index()).isZero();
        assertThat(host.drain()).containsExactly("focus(equations)");
        p.next();
        assertThat(p.hostError()).isNull();
    }

    @Test
    void refusesToReadBeforeStarting() {
        LessonPlayer p = new LessonPlayer(builtIn("gru-gates"), host);
        assertThatThrownBy(p::text).isInstanceOf(IllegalStateException.class)
                .hasMessage("the lesson 'gru-gates' has not been started");
        assertThat(p.next()).isFalse();
        assertThat(p.back()).isFalse();
        assertThat(p.reveal()).isFalse();
        assertThat(host.drain()).isEmpty();
    }
}

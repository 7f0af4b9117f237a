package org.rnnlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.CellKind;

class LessonReaderTest {
    private final LessonReader reader = new LessonReader();

    /** A valid lesson with {@code steps} spliced in. */
    private static String lesson(String id, String steps) {
        return """
                { "id": "%s", "title": "T", "summary": "S",
                  "settings": { "cell": "rnn", "task": "adding", "seq_len": 20, "spectral_radius": 0.5 },
                  "steps": [ %s ] }
                """.formatted(id, steps);
    }

    private static final String GOOD_STEP = """
            { "text": "Hello.", "actions": [ { "do": "reset" } ] }""";

    private LessonFormatException refused(String file, String json) {
        try {
            reader.read(file, json);
        } catch (LessonFormatException e) {
            return e;
        }
        throw new AssertionError("lesson " + file + " was accepted");
    }

    @Test
    void readsAValidLessonWithEveryAction() {
        Lesson l = reader.read("demo.json", lesson("demo", GOOD_STEP + """
                , { "text": "All of them.", "actions": [
                    { "do": "reset", "settings": { "spectral_radius": 0.9, "clip": false, "forget_bias": null } },
                    { "do": "step", "ticks": 3 }, { "do": "step" }, { "do": "step-back", "ticks": 2 },
                    { "do": "jump-to-backward" }, { "do": "train", "iterations": 50 }, { "do": "play" },
                    { "do": "pause" }, { "do": "speed", "ticks_per_second": 2 }, { "do": "speed", "ticks_per_second": "max" },
                    { "do": "select", "unit": 3 }, { "do": "select", "sequence": 1 },
                    { "do": "focus", "view": "gradient-flow" },
                    { "do": "compare", "cells": ["rnn", "gru"], "match": "parameters", "settings": { "seq_len": 50 } } ] },
                  { "text": "Guess.", "action": { "do": "step" },
                    "predict": { "question": "Q?", "choices": ["x", "y", "z"], "answer": "c", "explanation": "E." } },
                  { "text": "Free.", "predict": { "question": "Why?", "explanation": "Because." } }
                """));
        assertThat(l.id()).isEqualTo("demo");
        assertThat(l.settings().cell()).isEqualTo(CellKind.RNN);
        assertThat(l.settings().spectralRadius()).isEqualTo(0.5);
        assertThat(l.settings().hiddenSize()).as("unspecified fields keep the defaults").isEqualTo(8);
        var all = l.step(1).actions();
        assertThat(all).hasSize(14);
        var reset = (LessonAction.Reset) all.get(0);
        assertThat(reset.settings().spectralRadius()).isEqualTo(0.9);
        assertThat(reset.settings().clip()).isFalse();
        assertThat(reset.settings().forgetBias()).isNaN();
        assertThat(reset.settings().cell()).as("overrides apply over the lesson's settings").isEqualTo(CellKind.RNN);
        assertThat(all.get(1)).isEqualTo(new LessonAction.StepForward(3));
        assertThat(all.get(2)).isEqualTo(new LessonAction.StepForward(1));
        assertThat(all.get(9)).isEqualTo(new LessonAction.SetSpeed(Double.POSITIVE_INFINITY));
        assertThat(all.get(10)).isEqualTo(new LessonAction.SelectUnit(3));
        assertThat(all.get(11)).isEqualTo(new LessonAction.SelectSequence(1));
        assertThat(all.get(12)).isEqualTo(new LessonAction.Focus(LessonView.GRADIENT_FLOW));
        var compare = (LessonAction.Compare) all.get(13);
        assertThat(compare.cells()).containsExactly(CellKind.RNN, CellKind.GRU);
        assertThat(compare.match()).isEqualTo(CompareMatch.PARAMETER_COUNT);
        assertThat(compare.settings().sequenceLength()).isEqualTo(50);
        Prediction p = l.step(2).prediction();
        assertThat(p.answer()).isEqualTo(2);
        assertThat(p.correctChoice()).isEqualTo("z");
        assertThat(l.step(3).prediction().isFreeAnswer()).isTrue();
        assertThat(l.step(3).actions()).isEmpty();
    }

    @Test
    void taskOptionsSetVariantAndLagOnly() {
        Lesson l = reader.read("opt.json", lesson("opt", """
                { "text": "Go.", "action": { "do": "reset",
                  "settings": { "task": "sine", "task_options": { "variant": "many-to-one" } } } }"""));
        var s = ((LessonAction.Reset) l.step(0).actions().get(0)).settings();
        assertThat(s.taskOptions().variant()).isEqualTo("many-to-one");
        assertThat(refused("opt.json", lesson("opt", """
                { "text": "Go.", "action": { "do": "reset", "settings": { "task_options": { "file": "/etc/passwd" } } } }""")).getMessage())
                .isEqualTo("lesson opt.json: steps[0].action.settings.task_options holds 'file'; lessons may set only variant and lag");
    }

    @Test
    void unknownActionNamesFileStepAndField() {
        LessonFormatException e = refused("bad.json", lesson("bad", GOOD_STEP + """
                , { "text": "Go.", "actions": [ { "do": "step" }, { "do": "explode" } ] }"""));
        assertThat(e.file()).isEqualTo("bad.json");
        assertThat(e.step()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("steps[1].actions[1].do");
        assertThat(e.getMessage()).isEqualTo("lesson bad.json: steps[1].actions[1].do 'explode' is not an action; "
                + "actions are reset, step, step-back, jump-to-backward, train, play, pause, speed, select, focus, compare");
    }

    @Test
    void missingTextNamesTheStep() {
        LessonFormatException e = refused("bad.json", lesson("bad", GOOD_STEP + ", " + GOOD_STEP + """
                , { "actions": [ { "do": "step" } ] }"""));
        assertThat(e.step()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("steps[2].text");
        assertThat(e.getMessage()).isEqualTo("lesson bad.json: steps[2].text is missing");
        e = refused("bad.json", lesson("bad", """
                { "text": "  " }"""));
        assertThat(e.getMessage()).isEqualTo("lesson bad.json: steps[0].text must be non-empty text, was \"  \"");
    }

    @Test
    void badSettingsValuesNameTheSetting() {
        LessonFormatException e = refused("bad.json", lesson("bad", """
                { "text": "Go.", "actions": [ { "do": "reset", "settings": { "spectral_radius": 250 } } ] }"""));
        assertThat(e.step()).isEqualTo(0);
        assertThat(e.field()).isEqualTo("steps[0].actions[0].settings.spectral_radius");
        assertThat(e.getMessage()).isEqualTo("lesson bad.json: steps[0].actions[0].settings.spectral_radius "
                + "spectral radius must be in (0, 100], was 250.0");

        e = refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "reset", "settings": { "cell": "transformer" } } }"""));
        assertThat(e.field()).isEqualTo("steps[0].action.settings.cell");
        assertThat(e.problem()).isEqualTo("cell 'transformer' is not one of rnn, lstm, gru");

        e = refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "reset", "settings": { "task": "chess" } } }"""));
        assertThat(e.problem()).startsWith("'chess' is not a task; tasks are adding, order, copy, sine");

        e = refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "reset", "settings": { "hidden_size": 2.5 } } }"""));
        assertThat(e.problem()).isEqualTo("must be a whole number from 1 to 1024, was 2.5");

        e = refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "reset", "settings": { "spectral_raduis": 0.9 } } }"""));
        assertThat(e.field()).isEqualTo("steps[0].action.settings.spectral_raduis");
        assertThat(e.problem()).startsWith("is not a setting; settings are cell, rnn_activation");

        e = refused("bad.json", """
                { "id": "bad", "title": "T", "summary": "S", "settings": { "learning_rate": -1 },
                  "steps": [ { "text": "Go." } ] }""");
        assertThat(e.step()).isEqualTo(-1);
        assertThat(e.field()).isEqualTo("settings.learning_rate");
        assertThat(e.problem()).isEqualTo("learning rate must be a finite number > 0, was -1.0");
    }

    @Test
    void badActionArgumentsAreNamed() {
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "step", "ticks": -2 } }""")).getMessage())
                .isEqualTo("lesson bad.json: steps[0].action.ticks must be a whole number from 1 to 100000, was -2");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "train" } }""")).field()).isEqualTo("steps[0].action.iterations");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "focus", "view": "hologram" } }""")).problem())
                .isEqualTo("'hologram' is not one of diagram, heatmaps, gradient-flow, sequence, curves, equations");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "step", "tick": 2 } }""")).getMessage())
                .isEqualTo("lesson bad.json: steps[0].action.tick is not a known field here; expected do, ticks");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "speed", "ticks_per_second": 0 } }""")).field())
                .isEqualTo("steps[0].action.ticks_per_second");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "compare", "cells": ["rnn", "rnn"] } }""")).field())
                .isEqualTo("steps[0].action.cells[1]");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "select" } }""")).problem())
                .isEqualTo("must select exactly one of unit, sequence");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": { "do": "step" }, "actions": [] }""")).field())
                .isEqualTo("steps[0].action");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "action": "step" }""")).field()).isEqualTo("steps[0].action");
    }

    @Test
    void badPredictionsAreNamed() {
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "predict": { "question": "Q?", "choices": ["a", "b"], "answer": "C", "explanation": "E." } }""")).getMessage())
                .isEqualTo("lesson bad.json: steps[0].predict.answer must be the correct choice's letter, A–B, was \"C\"");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "predict": { "question": "Q?", "choices": ["a"], "answer": "A", "explanation": "E." } }""")).field())
                .isEqualTo("steps[0].predict.choices");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "predict": { "question": "Q?", "choices": ["a", "b"], "answer": "A" } }""")).field())
                .isEqualTo("steps[0].predict.explanation");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "predict": { "question": "Q?", "answer": "A", "explanation": "E." } }""")).problem())
                .isEqualTo("is given but there are no choices (a free answer has none)");
        assertThat(refused("bad.json", lesson("bad", """
                { "text": "Go.", "predict": { "question": "Q?", "choices": ["a", "b"], "explanation": "E." } }""")).problem())
                .isEqualTo("is missing: give the correct choice's letter, A–B");
    }

    @Test
    void fileLevelProblemsAreNamed() {
        assertThat(refused("x.json", "{ \"id\": \"x\", ").getMessage()).startsWith("lesson x.json: is not valid JSON at line 1");
        assertThat(refused("x.json", "[1, 2]").getMessage()).startsWith("lesson x.json: must hold a JSON object");
        assertThat(refused("x.json", lesson("y", GOOD_STEP)).getMessage())
                .isEqualTo("lesson x.json: id is 'y' but the file is named x.json; they must agree so sessions find the lesson");
        assertThat(refused("x.json", lesson("x", "")).field()).isEqualTo("steps");
        assertThat(refused("x.json", "{ \"id\": \"x\", \"id\": \"x\" }").getMessage()).contains("Duplicate field 'id'");
        assertThat(refused("x.json", lesson("x", GOOD_STEP).replace("\"summary\"", "\"sumary\"")).field())
                .isEqualTo("sumary");
    }

    @Test
    void aBrokenFileIsReportedAndTheOthersStillLoad(@TempDir Path dir) throws IOException {
        Path lessons = Files.createDirectories(dir.resolve("demo/lessons"));
        Files.writeString(lessons.resolve("index.txt"), "# demo\ngood.json\n\nbroken.json\nmissing.json\ngood-too.json\n");
        Files.writeString(lessons.resolve("good.json"), lesson("good", GOOD_STEP));
        Files.writeString(lessons.resolve("good-too.json"), lesson("good-too", GOOD_STEP));
        Files.writeString(lessons.resolve("broken.json"), lesson("broken", """
                { "text": "Go.", "action": { "do": "fly" } }"""));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            LessonCatalog c = Lessons.load(loader, "demo/lessons/", reader);
            assertThat(c.ids()).containsExactly("good", "good-too");
            assertThat(c.problems()).containsExactly(
                    "lesson broken.json: steps[0].action.do 'fly' is not an action; actions are reset, step, step-back, "
                            + "jump-to-backward, train, play, pause, speed, select, focus, compare",
                    "lesson missing.json: listed in index.txt but not found");
            assertThat(c.find("good")).isPresent();
            assertThat(c.find("broken")).isEmpty();

            LessonCatalog none = Lessons.load(loader, "nowhere/", reader);
            assertThat(none.lessons()).isEmpty();
            assertThat(none.problems()).containsExactly("lesson index nowhere/index.txt is missing: no lessons");
        }
    }
}

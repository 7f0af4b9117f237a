package org.rnnlab.ui.shell;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Prompts with scripted answers that record every message shown, for the window's file tests. */
final class ScriptedPrompts implements FilePrompts {
    final Deque<Path> saves = new ArrayDeque<>();
    final Deque<Path> opens = new ArrayDeque<>();
    GifRequest gif;
    boolean confirmAnswer;
    final List<String> questions = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<String> errorTitles = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    final List<String> suggestedNames = new ArrayList<>();
    List<ViewChoice> gifViewsOffered;

    @Override
    public Optional<Path> chooseSave(String title, String description, String extension, String suggestedName) {
        suggestedNames.add(suggestedName);
        return Optional.ofNullable(saves.poll());
    }

    @Override
    public Optional<Path> chooseOpen(String title, String description, List<String> extensions) {
        return Optional.ofNullable(opens.poll());
    }

    @Override
    public Optional<GifRequest> gifOptions(GifRequest proposed, List<ViewChoice> views, int steps) {
        gifViewsOffered = views;
        return Optional.ofNullable(gif);
    }

    @Override
    public boolean confirm(String title, String question) {
        questions.add(question);
        return confirmAnswer;
    }

    @Override
    public void error(String title, String message) {
        errorTitles.add(title);
        errors.add(message);
    }

    @Override
    public void info(String message) {
        infos.add(message);
    }
}

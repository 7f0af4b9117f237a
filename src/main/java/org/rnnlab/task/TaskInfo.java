package org.rnnlab.task;

import java.util.List;

/**
 * What a task is before it is built: for menus and command-line help.
 *
 * @param id            the id {@link org.rnnlab.task.registry.Tasks#create} takes
 * @param title         for people
 * @param pattern       its I/O pattern
 * @param defaultLength T when {@link TaskOptions#length()} is 0
 * @param variants      the accepted {@link TaskOptions#variant()} values, default first (empty: none)
 * @param needsFile     true when the task reads the user's file ({@code csv})
 * @param suggested     the task's own H and learning rate, the same the built task gives
 */
public record TaskInfo(String id, String title, IoPattern pattern, int defaultLength, List<String> variants,
                       boolean needsFile, SuggestedDefaults suggested) {
    public TaskInfo {
        variants = List.copyOf(variants);
        java.util.Objects.requireNonNull(suggested);
    }

    /** A task with no defaults of its own. */
    public TaskInfo(String id, String title, IoPattern pattern, int defaultLength, List<String> variants,
                    boolean needsFile) {
        this(id, title, pattern, defaultLength, variants, needsFile, SuggestedDefaults.NONE);
    }
}

/**
 * The sequence problems of the course, each a {@link org.rnnlab.task.Task}: seeded, with a fixed
 * test set, a metric with a stated "solved" threshold and the reason for it, a baseline, and an
 * {@link org.rnnlab.task.IoPattern} that decides where the loss enters.
 *
 * <p>{@link org.rnnlab.task.registry.Tasks#create(String, org.rnnlab.task.TaskOptions)} builds them by id:
 * {@code adding} and {@code order} (Hochreiter &amp; Schmidhuber 1997), {@code copy}, {@code sine},
 * {@code airline} (Box &amp; Jenkins series G), {@code csv} (the user's series), {@code sentiment}
 * (Kotzias et al. 2015 plus a grammar where word order decides), {@code text} (character-level
 * Shakespeare, with {@link org.rnnlab.task.TextSampler} for generation) and {@code numbers}
 * (number words to digits with an encoder-decoder); {@code speech} (spoken digits) is in
 * {@code org.rnnlab.task.speech}. Bundled data lives in
 * {@code src/main/resources/org/rnnlab/task/}, each with its credit and licence beside it.
 *
 * <p>Depends on {@code org.rnnlab.engine} only.
 */
package org.rnnlab.task;

/**
 * {@link org.rnnlab.task.registry.Tasks}: every task id the command line, the window and the
 * lesson files accept, and how to build each. It sits above {@code org.rnnlab.task} and
 * {@code org.rnnlab.task.speech} so that neither needs the other's registry.
 */
package org.rnnlab.task.registry;

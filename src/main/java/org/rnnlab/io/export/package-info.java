/**
 * Hands a run back to Python: the session's model, weights and current batch as a
 * self-contained PyTorch script ({@link org.rnnlab.io.export.PyTorchExport}) or a Keras 3 script
 * with a {@code .keras} file ({@link org.rnnlab.io.export.KerasExport}), both printing the
 * outputs and the loss the engine computes on that batch.
 */
package org.rnnlab.io.export;

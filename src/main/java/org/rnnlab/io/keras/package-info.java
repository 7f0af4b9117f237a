/**
 * Reading trained models from Keras, TensorFlow.js and PyTorch files into the engine's
 * Keras-semantics layers ({@link org.rnnlab.engine.layers.LayerStack}): the model config
 * ({@link org.rnnlab.io.keras.KerasConfig}), the weights by layer ({@link org.rnnlab.io.keras.WeightSource}),
 * the mapping to the engine's layout ({@link org.rnnlab.io.keras.KerasModelBuilder}), and one reader
 * per file format; {@link org.rnnlab.io.keras.ModelFiles} picks the reader.
 */
package org.rnnlab.io.keras;

/**
 * Keras-semantics layers over the engine's cells, for running imported models forward: a
 * {@link org.rnnlab.engine.layers.LayerStack} of Embedding, Masking, recurrent (SimpleRNN, LSTM,
 * GRU, one direction or Bidirectional) and Dense layers. Every equation is the engine's (cells,
 * {@link org.rnnlab.engine.Embedding}, {@link org.rnnlab.engine.LinearReadout},
 * {@link org.rnnlab.engine.Activation}); these classes only route values and masks between them.
 */
package org.rnnlab.engine.layers;

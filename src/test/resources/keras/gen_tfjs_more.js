// More Keras-semantics reference models with TensorFlow.js 4.22 (tfjs-layers, CPU, float32), in the
// layout of ../shared/keras's gen_tfjs_models.js: tfjs/NAME/{model.json, group1-shard1of1.bin,
// input.json, expected.json}. These cover what that generator does not: Embedding (mask_zero),
// Masking of padded steps, the merge modes sum/mul/ave, go_backwards, relu and hard_sigmoid
// activations, softmax Dense, a bidirectional SimpleRNN, a masked Bidirectional returning sequences,
// TimeDistributed(Dense).
// Usage: npm install @tensorflow/tfjs@4.22.0 in a scratch folder, then from there:
//   NODE_PATH=$PWD/node_modules node PATH/gen_tfjs_more.js PATH/tfjs
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

function lcg(seed) {
  let s = BigInt(seed) * 6364136223846793005n + 1442695040888963407n;
  return () => {
    s = (s * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
    return Number(s >> 11n) / 2 ** 53;
  };
}

const L = tf.layers;
// name: [build(model), input(rnd) -> nested array [B][T][X] or [B][T] ids]
const cases = {
  'emb-maskzero-lstm-softmax': [m => {
    m.add(L.embedding({inputDim: 7, outputDim: 3, maskZero: true, inputLength: 6}));
    m.add(L.lstm({units: 4}));
    m.add(L.dense({units: 3, activation: 'softmax'}));
  }, rnd => [[0, 0, 3, 5, 1, 6], [2, 4, 6, 1, 0, 0], [5, 5, 5, 5, 5, 5]]],
  'masking-gru-seq': [m => {
    m.add(L.masking({maskValue: 0, inputShape: [6, 2]}));
    m.add(L.gru({units: 3, returnSequences: true, resetAfter: false}));
  }, rnd => padded(rnd, 3, 6, 2, [[4, 5], [0, 1], [2, 2, 3]])],
  'masking-bidi-lstm-ave': [m => {
    m.add(L.masking({maskValue: 0, inputShape: [5, 2]}));
    m.add(L.bidirectional({layer: L.lstm({units: 3}), mergeMode: 'ave'}));
  }, rnd => padded(rnd, 2, 5, 2, [[3, 4], [0]])],
  'bidi-rnn-sum-seq': [m => {
    m.add(L.bidirectional({layer: L.simpleRNN({units: 4, returnSequences: true}), mergeMode: 'sum', inputShape: [5, 3]}));
  }, rnd => uniform(rnd, 2, 5, 3)],
  'bidi-gru-mul-hard': [m => {
    m.add(L.bidirectional({layer: L.gru({units: 3, recurrentActivation: 'hardSigmoid', resetAfter: false}),
      mergeMode: 'mul', inputShape: [4, 2]}));
  }, rnd => uniform(rnd, 2, 4, 2)],
  'lstm-gobackwards-seq-relu': [m => {
    m.add(L.lstm({units: 3, goBackwards: true, returnSequences: true, activation: 'relu', inputShape: [5, 2]}));
  }, rnd => uniform(rnd, 2, 5, 2)],
  'rnn-relu-stack-dense-sigmoid': [m => {
    m.add(L.simpleRNN({units: 4, activation: 'relu', returnSequences: true, inputShape: [6, 2]}));
    m.add(L.simpleRNN({units: 3}));
    m.add(L.dense({units: 2, activation: 'sigmoid'}));
  }, rnd => uniform(rnd, 3, 6, 2)],
  'masking-bidi-gru-concat-seq': [m => {
    m.add(L.masking({maskValue: 0, inputShape: [5, 2]}));
    m.add(L.bidirectional({layer: L.gru({units: 2, returnSequences: true, resetAfter: false}), mergeMode: 'concat'}));
  }, rnd => padded(rnd, 2, 5, 2, [[3, 4], [0, 1]])],
  'lstm-seq-timedistributed-dense-softmax': [m => {
    m.add(L.lstm({units: 3, returnSequences: true, inputShape: [4, 2]}));
    m.add(L.timeDistributed({layer: L.dense({units: 2, activation: 'softmax'})}));
  }, rnd => uniform(rnd, 2, 4, 2)],
};

function uniform(rnd, b, t, x) {
  return Array.from({length: b}, () => Array.from({length: t}, () => Array.from({length: x}, () => (rnd() * 2 - 1) * 1.5)));
}

// steps listed per row are set to 0 (masked); the rest uniform and never exactly 0
function padded(rnd, b, t, x, masked) {
  const v = uniform(rnd, b, t, x);
  masked.forEach((steps, r) => steps.forEach(s => v[r][s].fill(0)));
  return v;
}

async function make(outDir, name, [build, input], seed) {
  const rnd = lcg(seed);
  const m = tf.sequential();
  build(m);
  m.setWeights(m.getWeights().map(w => tf.tensor(Array.from({length: w.size}, () => (rnd() * 2 - 1) * 0.8), w.shape)));
  const xv = input(rnd);
  const y = m.predict(tf.tensor(xv));
  const dir = path.join(outDir, name);
  fs.mkdirSync(dir, {recursive: true});
  await m.save(tf.io.withSaveHandler(async (a) => {
    const bin = 'group1-shard1of1.bin';
    fs.writeFileSync(path.join(dir, bin), Buffer.from(a.weightData));
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({
      format: 'layers-model', generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`, convertedBy: null,
      modelTopology: a.modelTopology, weightsManifest: [{paths: [bin], weights: a.weightSpecs}],
    }));
    return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}};
  }));
  fs.writeFileSync(path.join(dir, 'input.json'), JSON.stringify({x: xv}));
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify({shape: y.shape, y: await y.array(),
    tfjs: tf.version_layers, dtype: 'float32'}));
}

(async () => {
  let seed = 11;
  for (const [name, c] of Object.entries(cases)) {
    await make(process.argv[2], name, c, seed++);
  }
})();

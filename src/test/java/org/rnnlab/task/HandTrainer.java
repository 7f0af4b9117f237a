package org.rnnlab.task;

import java.util.SplittableRandom;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.engine.TaskBatch;

/**
 * The smallest training loop that can show a task is learnable: seeded uniform initialisation,
 * plain SGD (p −= lr·g over every parameter, after clipping the global gradient norm), then
 * {@link SequenceModel#markChanged()}. Not the project's trainer; only for smoke tests.
 */
final class HandTrainer {
    final Task task;
    final SequenceModel model;
    final SplittableRandom rng;

    HandTrainer(Task task, CellConfig cell, long seed) {
        this.task = task;
        int x = task.vocabulary() > 0 ? cell.inputSize() : task.inputSize();
        this.model = new SequenceModel(new ModelConfig(cell.withSizes(x, cell.hiddenSize()), task.vocabulary(),
                task.outputSize(), task.loss()));
        this.rng = new SplittableRandom(seed);
        double k = 1.0 / Math.sqrt(cell.hiddenSize());
        for (Param p : model.params()) {
            double[] a = p.value().data;
            double scale = p.name().equals("embedding.weight") ? 1.0 : k;
            for (int i = 0; i < a.length; i++) {
                a[i] = scale * (2 * rng.nextDouble() - 1);
            }
        }
        model.markChanged();
    }

    /** Sets every LSTM forget-gate bias (second gate block of bias_hh) to {@code value}. */
    HandTrainer forgetBias(double value) {
        int h = model.cell().config().hiddenSize();
        double[] b = model.cell().biasHh().value().data;
        for (int j = 0; j < h; j++) {
            b[h + j] = value;
        }
        model.markChanged();
        return this;
    }

    /** {@code steps} SGD steps on training batches of {@code batch}; returns the last loss. */
    double train(int steps, int batch, double lr, double clip) {
        double loss = Double.NaN;
        for (int s = 0; s < steps; s++) {
            TaskBatch tb = task.trainBatch(batch, rng);
            model.load((SequenceBatch) tb, null, null);
            model.forward();
            loss = model.computeLoss();
            model.beginBackward();
            model.backward();
            double norm = 0;
            for (Param p : model.params()) {
                for (double g : p.grad().data) {
                    norm += g * g;
                }
            }
            norm = Math.sqrt(norm);
            double f = norm > clip ? clip / norm : 1.0;
            for (Param p : model.params()) {
                double[] v = p.value().data;
                double[] g = p.grad().data;
                for (int i = 0; i < v.length; i++) {
                    v[i] -= lr * f * g[i];
                }
            }
            model.markChanged();
        }
        return loss;
    }

    /** The task's metric over its whole test set. */
    double testMetric() {
        MetricAccumulator acc = new MetricAccumulator();
        for (TaskBatch tb : task.testBatches(250)) {
            model.load((SequenceBatch) tb, null, null);
            model.forward();
            task.score(tb, new ModelPredictions(model), acc);
        }
        return acc.value();
    }
}

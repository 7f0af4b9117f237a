package org.rnnlab.training;

import java.util.List;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.Model;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.task.MetricAccumulator;
import org.rnnlab.task.Predictions;
import org.rnnlab.task.Task;

/**
 * Scores a model on its task's test set (and validation set) with a model of its own, into which the trained weights
 * are copied, so that evaluating never disturbs the buffers of the run being shown or trained.
 */
public final class Evaluator {
    private final Task task;
    private final Model scratch;
    private final int batchSize;
    private List<TaskBatch> testSet;
    private List<TaskBatch> validationSet;

    /**
     * @param task      the task
     * @param scratch   a model of the same shape as the ones to evaluate (its weights are overwritten)
     * @param batchSize test batch size
     */
    public Evaluator(Task task, Model scratch, int batchSize) {
        this.task = task;
        this.scratch = scratch;
        this.batchSize = batchSize;
    }

    /** The size of the batches it scores in. */
    public int batchSize() {
        return batchSize;
    }

    /** The task's metric for the given model's current weights on the whole test set. */
    public double evaluate(Model model) {
        return score(model, testSet());
    }

    /** The task's metric for the given model's current weights on {@code batches} (a part of the test set). */
    public double evaluate(Model model, List<TaskBatch> batches) {
        return score(model, batches);
    }

    /**
     * The task's metric for the given model's current weights on the task's validation set;
     * NaN when the task has none ({@link Task#validationBatches}).
     */
    public double validate(Model model) {
        return hasValidation() ? score(model, validationSet) : Double.NaN;
    }

    /**
     * {@link #evaluate} and {@link #validate} of the same weights, {test, validation}: scored once
     * when the task's validation batches are its test batches (a task that still stops on its test set).
     */
    public double[] evaluateAndValidate(Model model) {
        double test = evaluate(model);
        return new double[] {test, hasValidation() && validationSet.equals(testSet) ? test : validate(model)};
    }

    private List<TaskBatch> testSet() {
        if (testSet == null) {
            testSet = task.testBatches(batchSize);
        }
        return testSet;
    }

    private double score(Model model, List<TaskBatch> batches) {
        copyWeights(model, scratch);
        MetricAccumulator acc = new MetricAccumulator();
        for (TaskBatch b : batches) {
            scratch.forwardLoss(b);
            task.score(b, predictions(scratch, task), acc);
        }
        return acc.value();
    }

    /** Whether the task has a validation set to choose on. */
    public boolean hasValidation() {
        if (validationSet == null) {
            validationSet = task.validationBatches(batchSize);
        }
        return !validationSet.isEmpty();
    }

    /** The evaluator's own model, holding the weights of the latest {@link #evaluate} (engine thread). */
    public Model scratch() {
        return scratch;
    }

    /** Copies every parameter value from one model into another of the same shape. */
    public static void copyWeights(Model from, Model to) {
        List<Param> a = from.params();
        List<Param> b = to.params();
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("models differ: " + a.size() + " vs " + b.size() + " parameter tensors");
        }
        for (int i = 0; i < a.size(); i++) {
            double[] src = a.get(i).value().data;
            double[] dst = b.get(i).value().data;
            if (src.length != dst.length) {
                throw new IllegalArgumentException("parameter " + a.get(i).name() + " differs in size");
            }
            System.arraycopy(src, 0, dst, 0, src.length);
        }
        to.markChanged();
    }

    /** The outputs of a model's last forward pass, as a task scores them. */
    public static Predictions predictions(Model m, Task task) {
        return new Predictions() {
            @Override
            public double output(int t, int b, int k) {
                return m.output(t, b, k);
            }

            @Override
            public int argmax(int t, int b) {
                return m.argmax(t, b);
            }

            @Override
            public int[] decode(int b, int maxSteps) {
                if (m instanceof EncoderDecoderModel ed && task.decoder() != null) {
                    return ed.decodeGreedy(b, task.decoder().startToken(), task.decoder().endClass(), maxSteps);
                }
                throw new UnsupportedOperationException("this model does not decode");
            }
        };
    }
}

package org.rnnlab.training;

import java.util.List;
import org.rnnlab.engine.ClipReport;
import org.rnnlab.engine.Divergence;
import org.rnnlab.engine.GradientClipper;
import org.rnnlab.engine.Model;
import org.rnnlab.engine.Optimizer;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.Unroll;

/**
 * One training iteration, the same for the simulator, the trainer, the CLI and the benchmarks:
 * forward with the loss, backward through time, clip, update. A non-finite loss, state or
 * gradient is reported in the result and the update is skipped, so the weights stay finite.
 */
public final class TrainingStep {
    private TrainingStep() {}

    public static StepResult run(Model model, org.rnnlab.engine.TaskBatch batch, GradientClipper clipper,
                                 Optimizer optimizer) {
        return run(model, batch, clipper, optimizer, null);
    }

    /**
     * As {@link #run(Model, org.rnnlab.engine.TaskBatch, GradientClipper, Optimizer)}, calling
     * {@code beforeUpdate} (if not null) after the backward pass and before clipping and the update.
     */
    public static StepResult run(Model model, org.rnnlab.engine.TaskBatch batch, GradientClipper clipper,
                                 Optimizer optimizer, Runnable beforeUpdate) {
        double loss = model.forwardLoss(batch);
        Divergence d = model.divergence();
        if (d != null) {
            return new StepResult(loss, GradientClipper.measure(List.of()), Double.NaN, d);
        }
        model.backwardAll();
        if (beforeUpdate != null) {
            beforeUpdate.run();
        }
        return finish(model, loss, clipper, optimizer);
    }

    /** Clip and update after a backward pass that has already run (the simulator's ticks). */
    public static StepResult finish(Model model, double loss, GradientClipper clipper, Optimizer optimizer) {
        List<Param> params = model.params();
        Divergence d = model.divergence();
        double ratio = gradientRatio(model.unroll());
        if (d != null) {
            return new StepResult(loss, GradientClipper.measure(params), ratio, d);
        }
        ClipReport clip = clipper.clip(params);
        if (!clip.finite()) {
            return new StepResult(loss, clip, ratio, new Divergence("backward", -1, "gradient norm"));
        }
        optimizer.step(params);
        model.markChanged();
        return new StepResult(loss, clip, ratio, null);
    }

    /** ||dL/dh_0|| / ||dL/dh_{T−1}||, NaN when the last is zero. */
    public static double gradientRatio(Unroll u) {
        if (u == null) {
            return Double.NaN;
        }
        double last = u.dhNorm(u.steps() - 1);
        double first = u.dhNorm(0);
        return last == 0 ? Double.NaN : first / last;
    }
}

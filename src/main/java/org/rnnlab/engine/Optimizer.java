package org.rnnlab.engine;

import java.util.List;

/**
 * A first-order optimiser: updates each {@link Param#value()} in place from its {@link Param#grad()},
 * with the update rules of {@code torch.optim} (see the implementations).
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li><b>Construct</b> with the hyperparameters; nothing is allocated for parameters yet.</li>
 *   <li><b>First {@link #step(List)}</b>: the optimiser binds to that parameter list (by the
 *       identity of its {@code Param} objects, in order) and allocates its state buffers once,
 *       one per parameter and kind of state, all zero.</li>
 *   <li><b>Every later {@code step}</b> must pass the same parameters in the same order; it
 *       allocates nothing. Passing other parameters is an {@link IllegalStateException}: a new
 *       model needs {@link #reset()} (or a new optimiser).</li>
 *   <li><b>{@link #reset()}</b> forgets the binding, the buffers and the step count; the next
 *       step binds afresh, as if the optimiser were new. The hyperparameters are kept.</li>
 *   <li><b>{@link #state()} / {@link #restore(List, double[][])}</b> copy the state out and back in,
 *       so a saved session resumes bit for bit.</li>
 * </ol>
 *
 * <p>The optimiser does not know which {@link ParamGroup} a parameter belongs to, so it does
 * <b>not</b> call {@link ParamGroup#markChanged()}: after every {@code step} the caller must call
 * {@code markChanged()} on each group whose parameters were passed (a cell caches transposes of
 * its weights by version).
 *
 * <p>Non-finite gradients are not checked here: NaN or Inf flows into the weights, and the run
 * reports divergence where it detects it. Gradients are read, never modified.
 *
 * <h2>State layout</h2>
 * {@code state()[0]} is the header {@code {stepCount}}; then, for each kind of state the
 * optimiser keeps (in the order its class Javadoc lists), one array per parameter in list order,
 * as long as that parameter. {@link Sgd} keeps none, {@link Momentum} one (the velocity
 * buffer), {@link RmsProp} one (the mean square), {@link Adam} two (first moment m, then second
 * moment v). An optimiser that has not stepped since construction or {@code reset()} returns
 * {@code {{0}}}.
 */
public interface Optimizer {

    /** Which rule this is. */
    OptimizerKind kind();

    /** The learning rate used by the next step. */
    double learningRate();

    /**
     * Changes the learning rate from the next step on; the state is kept (as when a PyTorch
     * scheduler writes {@code param_groups[i]["lr"]}).
     *
     * @throws IllegalArgumentException unless {@code learningRate} is finite and > 0
     */
    void setLearningRate(double learningRate);

    /**
     * One update of every parameter from its gradient. Binds and allocates on the first call
     * (see the lifecycle above), allocates nothing afterwards. The caller then calls
     * {@link ParamGroup#markChanged()} on the groups that own the parameters.
     *
     * @throws IllegalStateException if the parameters are not those of the first step
     */
    void step(List<Param> params);

    /** Steps taken since construction, {@link #reset()} or as restored; Adam's t. */
    long stepCount();

    /** Forgets the parameter binding, every state buffer and the step count. */
    void reset();

    /** A deep copy of the state in the layout described in the interface Javadoc. */
    double[][] state();

    /**
     * As {@link #state()}, written into {@code reuse} when it has the state's shape (and
     * returned), else into new arrays: for callers that take a copy every iteration.
     */
    default double[][] state(double[][] reuse) {
        return state();
    }

    /**
     * Binds to {@code params} and replaces the state with a copy of {@code state}, as returned by
     * {@link #state()} of an optimiser of the same kind over parameters of the same sizes. A
     * state of {@code {{0}}} (never stepped) restores a fresh optimiser bound to {@code params}.
     *
     * @throws IllegalArgumentException if the layout does not match the parameters; the current
     *                                  state is then left unchanged
     */
    void restore(List<Param> params, double[][] state);
}

package org.rnnlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.rnnlab.engine.Divergence;
import org.rnnlab.engine.GradientClipper;
import org.rnnlab.engine.Model;
import org.rnnlab.engine.Optimizer;
import org.rnnlab.engine.TaskBatch;
import org.rnnlab.task.Metric;
import org.rnnlab.task.Task;

/**
 * Full-speed training: mini-batches drawn from the task with the run's seed, one
 * {@link TrainingStep#run} per iteration (the simulator's own step: forward, loss, backward
 * through time, clip, update), the test metric every {@link TrainerConfig#evalEvery()}
 * iterations, and an early stop when it reaches the task's solved threshold.
 *
 * <p><b>Held-out choice.</b> With early stopping on and a task that has a validation set
 * ({@link Task#validationBatches}: carved from the training data, disjoint from the test set),
 * the stop and the choice of weights look at the validation metric only: the run stops at the
 * first evaluation whose validation metric reaches the threshold (unless the task says not to,
 * {@link Task#stopsWhenSolved()}), and when the budget is used up it goes back to the weights
 * of the best validation metric ("keep the best weights"). The
 * reported {@link Result#finalMetric()} is the test metric of the chosen weights, so a "solved"
 * level is a held-out estimate, not the first test evaluation past the bar. The test metric is
 * still evaluated at every evaluation for the curves (never to choose). A task may ask for a
 * moving average of the weights ({@link Task#weightAverage()}, Polyak &amp; Juditsky 1992): then
 * the average is what is scored, chosen and left in the model; the updates themselves are the
 * simulator's. Without early stopping, or without a validation set, the run keeps its last
 * weights; without early stopping the validation metric is still evaluated beside the test
 * metric ({@link TrainingListener#validated}), for the curves.
 *
 * <p>Every iteration yields an {@link IterationRecord} (loss, metric when evaluated, global
 * gradient norm before and after clipping, ‖∂L/∂h₀‖ / ‖∂L/∂h_{T−1}‖), streamed to a
 * {@link TrainingListener} and kept in the {@link Result}.
 *
 * <p><b>Determinism.</b> The task, the initial weights and the batches ({@link BatchStream}: batch
 * i is a function of the seed and i) derive from the settings' seed exactly as in
 * {@link Simulation}, so the same config gives bit-identical records, whichever thread runs it
 * and whatever else runs beside it; and a trainer's iterations are the simulator's iterations
 * for the same settings.
 *
 * <p><b>Divergence.</b> An iteration whose loss, state or gradient is NaN or infinite ends the
 * run in {@link Status#DIVERGED} with "diverged at iteration i (tick t, phase)"; no update is
 * applied and no exception is thrown.
 *
 * <p><b>Threads.</b> {@link #run(TrainingListener)} trains on the caller's thread;
 * {@link #start(ExecutorService, TrainingListener)} and {@link #startThread(TrainingListener)} on
 * another. {@link #cancel()} (or cancelling the future, or interrupting the thread) stops the run
 * after the iteration in progress. A trainer runs once.
 */
public final class Trainer {

    /** How a run ended. */
    public enum Status {
        /** An evaluation reached the solved threshold and early stopping was on. */
        SOLVED,
        /** The iteration budget was used up. */
        COMPLETED,
        /** {@link #cancel()}, a cancelled future or an interrupt stopped it. */
        CANCELLED,
        /** An iteration produced NaN or Inf. */
        DIVERGED
    }

    /**
     * The outcome of a run.
     *
     * @param status          how it ended
     * @param iterations      iterations completed (a diverged iteration counts)
     * @param finalMetric     the test metric of the chosen weights: those of the best validation
     *                        metric when the run chose on validation, else of the last evaluation
     *                        (after the last iteration); NaN if none, or if the run diverged
     * @param solved          whether {@code finalMetric} meets the task's threshold
     * @param validationMetric the validation metric of the chosen weights, NaN when the run did
     *                        not choose on validation
     * @param chosenIteration the iteration whose weights were chosen (the model holds them at the
     *                        end), or the last one when the run did not choose
     * @param metric          the task's metric and threshold
     * @param divergence      where it went non-finite, or null
     * @param divergedAt      the iteration that diverged, or 0
     * @param parameterCount  trainable parameters of the model
     * @param elapsedNanos    wall time of the run (the only value that differs between equal runs)
     * @param records         one per iteration, in order (empty if records were not kept)
     */
    public record Result(Status status, long iterations, double finalMetric, boolean solved,
                         double validationMetric, long chosenIteration, Metric metric, Divergence divergence, long divergedAt, int parameterCount, long elapsedNanos,
                         List<IterationRecord> records) {

        /** "diverged at iteration 12 (tick 3, forward: hidden state not finite)", or "" when it did not. */
        public String divergenceMessage() {
            if (divergence == null) {
                return "";
            }
            String what = divergence.quantity().equals(divergence.phase()) ? divergence.quantity() + " not finite"
                    : divergence.phase() + ": " + divergence.quantity() + " not finite";
            String where = (divergence.tick() >= 0 ? "tick " + divergence.tick() + ", " : "") + what;
            return "diverged at iteration " + divergedAt + " (" + where + ")";
        }

        public double elapsedSeconds() {
            return elapsedNanos / 1e9;
        }
    }

    private final TrainerConfig config;
    private final Task task;
    private final Model model;
    private final Optimizer optimizer;
    private final GradientClipper clipper;
    private final BatchStream batches;
    private final Evaluator evaluator;
    private final Metric metric;

    private volatile boolean cancelled;
    private volatile long done;
    private volatile double lastMetric = Double.NaN;
    private boolean keepRecords = true;
    private boolean ran;

    /**
     * Builds the task (from the factory, with the settings' task, length, seed and options), the model
     * ({@link ModelFactory#model}: an encoder-decoder for encoder-decoder tasks), the optimiser,
     * the clipper and an evaluator with its own copy of the model.
     *
     * @throws IllegalArgumentException if the factory rejects the task or its length
     */
    public Trainer(TrainerConfig config, TaskFactory tasks) {
        this(config, buildTask(config, tasks));
    }

    private static Task buildTask(TrainerConfig config, TaskFactory tasks) {
        if (config == null) {
            throw new IllegalArgumentException("trainer config must be given, was null");
        }
        if (tasks == null) {
            throw new IllegalArgumentException("task factory must be given, was null");
        }
        return tasks.create(config.settings());
    }

    /** As {@link #Trainer(TrainerConfig, TaskFactory)} with a task already built from the settings. */
    public Trainer(TrainerConfig config, Task task) {
        if (config == null) {
            throw new IllegalArgumentException("trainer config must be given, was null");
        }
        if (task == null) {
            throw new IllegalArgumentException("task must be given, was null");
        }
        SimulationSettings s = config.settings();
        this.config = config;
        this.task = task;
        this.model = ModelFactory.model(s, task);
        this.optimizer = s.optimizer().create(s.learningRate());
        this.clipper = s.clip() ? GradientClipper.byNorm(s.clipThreshold()) : GradientClipper.none();
        this.batches = new BatchStream(task, s.batchSize(), s.seed());
        this.evaluator = new Evaluator(task, ModelFactory.model(s, task),
                MemoryEstimate.evaluationBatch(s, task, config.evalBatch()));
        this.metric = task.metric();
    }

    public TrainerConfig config() {
        return config;
    }

    public Task task() {
        return task;
    }

    /**
     * The metric of the model's current weights (after {@link #run}: the chosen ones) on each of
     * the task's {@link Task#testParts test parts}, by name in their order, batched as the test
     * set is (none for most tasks).
     */
    public java.util.Map<String, Double> testPartMetrics() {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (Task.TestPart part : task.testParts(evaluator.batchSize())) {
            out.put(part.name(), evaluator.evaluate(model, part.batches()));
        }
        return out;
    }

    /** The model being trained. Owned by the training thread while a run is going. */
    public Model model() {
        return model;
    }

    /** Iterations completed so far (any thread). */
    public long iterationsDone() {
        return done;
    }

    /** The latest evaluated test metric, NaN before the first (any thread). */
    public double lastMetric() {
        return lastMetric;
    }

    /**
     * The run as a simulator session: the weights and optimiser state after the last completed
     * iteration, positioned at the start of the next one (nothing of it computed yet), with
     * {@code history} for the curves. Opening it in the window, or
     * {@link Simulation#restore restoring} it, continues exactly as this trainer would have: the
     * next iteration's batch is a function of the seed and the iteration. Call after {@link #run}.
     *
     * @param history the latest iteration records; the oldest beyond {@link Simulation#HISTORY_LIMIT} are dropped
     */
    public SessionState sessionState(List<IterationRecord> history) {
        double[][] w = copyOf(model);
        List<IterationRecord> h = history == null ? List.of() : history;
        if (h.size() > Simulation.HISTORY_LIMIT) {
            h = h.subList(h.size() - Simulation.HISTORY_LIMIT, h.size());
        }
        return new SessionState(config.settings(), done + 1, 0, 0, 0, w, optimizer.state(), List.copyOf(h),
                lastMetric);
    }

    /** The names of {@link #model()}'s parameters, in the order of {@link #sessionState}'s weights. */
    public List<String> parameterNames() {
        return model.paramNames();
    }

    /** Whether to keep every record in the {@link Result} (default true); call before running. */
    public Trainer keepRecords(boolean keep) {
        this.keepRecords = keep;
        return this;
    }

    /** Asks the run to stop after the iteration in progress (any thread). */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Trains on {@code exec}; cancelling the future (with or without interrupt) stops the run. */
    public Future<Result> start(ExecutorService exec, TrainingListener listener) {
        FutureTask<Result> f = cancellingTask(listener);
        exec.execute(f);
        return f;
    }

    /** Trains on a new daemon thread named "rnnlab-trainer". */
    public Future<Result> startThread(TrainingListener listener) {
        FutureTask<Result> f = cancellingTask(listener);
        Thread t = new Thread(f, "rnnlab-trainer");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private FutureTask<Result> cancellingTask(TrainingListener listener) {
        return new FutureTask<>(() -> run(listener)) {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                Trainer.this.cancel();
                return super.cancel(mayInterruptIfRunning);
            }
        };
    }

    /**
     * Trains on the calling thread until solved, out of budget, cancelled or diverged. A run that
     * chose on validation ends with the chosen weights in {@link #model()} (and so in
     * {@link #sessionState}, beside the optimiser state of the last iteration).
     */
    public Result run(TrainingListener listener) {
        synchronized (this) {
            if (ran) {
                throw new IllegalStateException("a trainer runs once; build a new one for another run");
            }
            ran = true;
        }
        TrainingListener l = listener == null ? TrainingListener.NONE : listener;
        long start = System.nanoTime();
        List<IterationRecord> records = new ArrayList<>();
        l.started(this);
        long n = config.iterations();
        long every = config.evalEvery();
        double finalMetric = Double.NaN;
        Status status = Status.COMPLETED;
        Divergence divergence = null;
        long divergedAt = 0;
        boolean validating = evaluator.hasValidation();
        boolean choose = config.earlyStop() && validating;
        double decay = choose ? task.weightAverage() : 0;
        Model averaged = decay > 0 ? ModelFactory.model(config.settings(), task) : null;
        double[][] average = decay > 0 ? copyOf(model) : null;
        double bestValidation = Double.NaN;
        double bestTest = Double.NaN;
        long bestAt = 0;
        double[][] bestWeights = null;
        long i = 0;
        while (i < n) {
            if (cancelled || Thread.currentThread().isInterrupted()) {
                status = Status.CANCELLED;
                break;
            }
            i++;
            TaskBatch batch = batches.batch(i);
            StepResult r = TrainingStep.run(model, batch, clipper, optimizer);
            double m = Double.NaN;
            double v = Double.NaN;
            if (average != null && !r.diverged()) {
                var params = model.params();
                for (int k = 0; k < average.length; k++) {
                    double[] w = params.get(k).value().data;
                    double[] a = average[k];
                    for (int j = 0; j < a.length; j++) {
                        a[j] = decay * a[j] + (1 - decay) * w[j];
                    }
                }
            }
            if (r.diverged()) {
                status = Status.DIVERGED;
                divergence = r.divergence();
                divergedAt = i;
            } else if (i % every == 0 || i == n) {
                Model scored = model;
                if (averaged != null) {
                    write(average, averaged);
                    scored = averaged;
                }
                double[] tv = validating ? evaluator.evaluateAndValidate(scored) : new double[] {evaluator.evaluate(scored)};
                m = tv[0];
                finalMetric = m;
                lastMetric = m;
                if (validating) {
                    v = tv[1];
                    if (choose && (bestAt == 0 || better(v, bestValidation))) {
                        bestValidation = v;
                        bestTest = m;
                        bestAt = i;
                        bestWeights = copyOf(scored);
                    }
                    l.validated(i, v);
                }
            }
            IterationRecord rec = new IterationRecord(i, r.loss(), m, r.clip().normBefore(), r.clip().normAfter(),
                    r.clip().threshold(), r.gradientRatio(), r.diverged());
            if (keepRecords) {
                records.add(rec);
            }
            done = i;
            l.iteration(rec);
            if (!Double.isNaN(m)) {
                l.evaluated(i, m);
                if (config.earlyStop() && task.stopsWhenSolved() && metric.solved(choose ? v : m)) {
                    status = Status.SOLVED;
                    break;
                }
            }
            if (status == Status.DIVERGED) {
                break;
            }
        }
        long chosen = i;
        double validation = Double.NaN;
        if (choose && bestAt > 0 && status != Status.DIVERGED) {
            if (bestAt != i || averaged != null) {
                write(bestWeights, model);
            }
            chosen = bestAt;
            finalMetric = bestTest;
            lastMetric = bestTest;
            validation = bestValidation;
        }
        if (status == Status.DIVERGED) {
            finalMetric = Double.NaN;
        }
        boolean solved = status != Status.DIVERGED && metric.solved(finalMetric);
        Result result = new Result(status, i, finalMetric, solved, validation, chosen, metric, divergence, divergedAt,
                model.parameterCount(), System.nanoTime() - start, List.copyOf(records));
        l.finished(result);
        return result;
    }

    /** Strictly better in the metric's direction; a NaN is never better. */
    private boolean better(double v, double best) {
        if (Double.isNaN(v)) {
            return false;
        }
        return Double.isNaN(best) || (metric.higherIsBetter() ? v > best : v < best);
    }

    private double[][] copyOf(Model m) {
        var params = m.params();
        double[][] w = new double[params.size()][];
        for (int k = 0; k < w.length; k++) {
            w[k] = params.get(k).value().data.clone();
        }
        return w;
    }

    private static void write(double[][] w, Model to) {
        var params = to.params();
        for (int k = 0; k < w.length; k++) {
            System.arraycopy(w[k], 0, params.get(k).value().data, 0, w[k].length);
        }
        to.markChanged();
    }
}

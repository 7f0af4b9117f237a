package org.rnnlab.training;

import java.util.SplittableRandom;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.InitConfig;
import org.rnnlab.engine.Initializer;
import org.rnnlab.engine.Model;
import org.rnnlab.engine.ModelConfig;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.Task;

/**
 * Builds and initialises the model a task needs from the settings, deterministically from the
 * seed: the recurrent weights with the chosen scheme (and spectral radius, forget-gate bias),
 * then embeddings (N(0,1)) and the readout (PyTorch's Linear default), in that order.
 */
public final class ModelFactory {
    private ModelFactory() {}

    /** The streams every run derives from its seed, so that changing one does not shift another. */
    public static long initSeed(long seed) {
        return new SplittableRandom(seed).split().nextLong();
    }

    public static long batchSeed(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        r.split();
        return r.split().nextLong();
    }

    /** The cell config for a task: dense inputs use the task's width, tokens the embedding size. */
    public static CellConfig cellConfig(SimulationSettings s, Task task) {
        int x = task.vocabulary() > 0 ? s.embeddingSize() : task.inputSize();
        org.rnnlab.engine.Activation[] a = task.cellActivations();
        return a == null ? s.cellConfig(x) : s.cellConfig(x).withActivations(a[0], a[1]);
    }

    /** A single-cell model for every pattern but encoder-decoder. */
    public static SequenceModel sequenceModel(SimulationSettings s, Task task) {
        if (task.pattern() == IoPattern.ENCODER_DECODER) {
            throw new IllegalArgumentException("task '" + task.id() + "' is an encoder-decoder; use model()");
        }
        if (s.deep()) {
            throw new IllegalArgumentException("settings with " + s.layers() + " layers" + (s.bidirectional()
                    ? ", bidirectional," : "") + " build a stacked model; use model()");
        }
        SequenceModel m = new SequenceModel(new ModelConfig(cellConfig(s, task), task.vocabulary(),
                task.outputSize(), task.loss()));
        SplittableRandom rng = new SplittableRandom(initSeed(s.seed()));
        Initializer init = initializer(s, rng.nextLong());
        init.initialize(m.cell());
        m.cell().setClamp(s.clamp());
        if (m.embedding() != null) {
            m.embedding().initDefault(rng);
        }
        init.initializeLinear(m.readout().weight(), m.readout().bias(), rng);
        m.markChanged();
        return m;
    }

    /**
     * Refuses depth, a reverse direction or gate surgery the task cannot take: a bidirectional model
     * on a task that predicts its own future, stacking an encoder-decoder, and a gate clamp on one
     * (its two cells do not honour clamps, and a clamp silently ignored would teach a false lesson).
     */
    public static void checkDepth(SimulationSettings s, Task task) {
        if (s.clamp() != null && task.pattern() == IoPattern.ENCODER_DECODER) {
            throw new IllegalArgumentException("clamp " + s.clamp() + ": task '" + task.id() + "' is an encoder-decoder,"
                    + " whose encoder and decoder do not take gate clamps; clear the clamp or choose another task");
        }
        if (s.bidirectional() && task.predictsItsOwnFuture()) {
            throw new IllegalArgumentException("bidirectional: task '" + task.id() + "' predicts the future of its own"
                    + " input, and a reverse direction would see the future it must predict");
        }
        if (s.deep() && task.pattern() == IoPattern.ENCODER_DECODER) {
            throw new IllegalArgumentException("layers " + s.layers() + (s.bidirectional() ? ", bidirectional" : "")
                    + ": task '" + task.id() + "' is an encoder-decoder, which has one layer each way");
        }
    }

    /**
     * Stacked or bidirectional layers ({@link SimulationSettings#deep()}): each (layer, direction)'s
     * cell initialised in PyTorch's order from its own draw of the init stream (the first is the one
     * a single-layer run's cell gets), then the embedding and the readout. Many-to-one tasks read a
     * bidirectional top layer from its reverse direction's final state.
     */
    public static DeepSequenceModel deepModel(SimulationSettings s, Task task) {
        checkDepth(s, task);
        DeepSequenceModel m = unbuiltDeep(s, task);
        SplittableRandom rng = new SplittableRandom(initSeed(s.seed()));
        for (RecurrentCell c : m.stack().allCells()) {
            initializer(s, rng.nextLong()).initialize(c);
        }
        if (m.embedding() != null) {
            m.embedding().initDefault(rng);
        }
        initializer(s, rng.nextLong()).initializeLinear(m.readout().weight(), m.readout().bias(), rng);
        m.markChanged();
        return m;
    }

    private static DeepSequenceModel unbuiltDeep(SimulationSettings s, Task task) {
        return new DeepSequenceModel(new ModelConfig(cellConfig(s, task), task.vocabulary(), task.outputSize(),
                task.loss()), s.layers(), s.bidirectional(), s.merge(), task.pattern() == IoPattern.MANY_TO_ONE);
    }

    /**
     * The model {@link #model} builds, with every weight zero: for counting parameters and sizing
     * buffers without drawing anything.
     */
    public static Model uninitialised(SimulationSettings s, Task task) {
        checkDepth(s, task);
        if (task.pattern() == IoPattern.ENCODER_DECODER) {
            return new EncoderDecoderModel(s.cellConfig(s.embeddingSize()), task.inputSize(), task.outputSize());
        }
        if (s.deep()) {
            return unbuiltDeep(s, task);
        }
        return new SequenceModel(new ModelConfig(cellConfig(s, task), task.vocabulary(), task.outputSize(), task.loss()));
    }

    /** The model the task needs: an encoder-decoder for ENCODER_DECODER tasks, else a sequence model. */
    public static Model model(SimulationSettings s, Task task) {
        checkDepth(s, task);
        if (task.pattern() != IoPattern.ENCODER_DECODER) {
            return s.deep() ? deepModel(s, task) : sequenceModel(s, task);
        }
        CellConfig cc = s.cellConfig(s.embeddingSize());
        EncoderDecoderModel m = new EncoderDecoderModel(cc, task.inputSize(), task.outputSize());
        SplittableRandom rng = new SplittableRandom(initSeed(s.seed()));
        initializer(s, rng.nextLong()).initialize(m.encoder());
        initializer(s, rng.nextLong()).initialize(m.decoder());
        m.sourceEmbedding().initDefault(rng);
        m.targetEmbedding().initDefault(rng);
        initializer(s, rng.nextLong()).initializeLinear(m.readout().weight(), m.readout().bias(), rng);
        m.markChanged();
        return m;
    }

    private static Initializer initializer(SimulationSettings s, long seed) {
        double forget = s.cell() == CellKind.LSTM && s.forgetGate() ? s.forgetBias() : Double.NaN;
        return new Initializer(new InitConfig(s.init(), s.spectralRadius(), forget, seed));
    }
}

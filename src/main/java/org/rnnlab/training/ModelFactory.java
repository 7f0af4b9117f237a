package org.rnnlab.training;

import java.util.SplittableRandom;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.CellKind;
import org.rnnlab.engine.EncoderDecoderModel;
import org.rnnlab.engine.InitConfig;
import org.rnnlab.engine.Initializer;
import org.rnnlab.engine.Model;
import org.rnnlab.engine.ModelConfig;
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
        return s.cellConfig(x);
    }

    /** A single-cell model for every pattern but encoder-decoder. */
    public static SequenceModel sequenceModel(SimulationSettings s, Task task) {
        if (task.pattern() == IoPattern.ENCODER_DECODER) {
            throw new IllegalArgumentException("task '" + task.id() + "' is an encoder-decoder; use model()");
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

    /** The model the task needs: an encoder-decoder for ENCODER_DECODER tasks, else a sequence model. */
    public static Model model(SimulationSettings s, Task task) {
        if (task.pattern() != IoPattern.ENCODER_DECODER) {
            return sequenceModel(s, task);
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

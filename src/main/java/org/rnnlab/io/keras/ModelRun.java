package org.rnnlab.io.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.engine.Activation;
import org.rnnlab.engine.CellConfig;
import org.rnnlab.engine.DeepRecurrent.Merge;
import org.rnnlab.engine.DeepSequenceModel;
import org.rnnlab.engine.Embedding;
import org.rnnlab.engine.InitScheme;
import org.rnnlab.engine.LinearReadout;
import org.rnnlab.engine.LossKind;
import org.rnnlab.engine.Model;
import org.rnnlab.engine.OptimizerKind;
import org.rnnlab.engine.Param;
import org.rnnlab.engine.RecurrentCell;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.engine.layers.DenseLayer;
import org.rnnlab.engine.layers.EmbeddingLayer;
import org.rnnlab.engine.layers.Layer;
import org.rnnlab.engine.layers.LayerStack;
import org.rnnlab.engine.layers.MaskingLayer;
import org.rnnlab.engine.layers.RecurrentLayer;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.ModelInputTask;
import org.rnnlab.task.Task;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.task.registry.Tasks;
import org.rnnlab.training.ModelFactory;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.SimulationSettings;

/**
 * An imported model ({@link ModelFiles}) as a steppable run: the settings fitted to it (cell, H,
 * layers, bidirectional, embedding, the readout and loss from the Dense activation), the task
 * {@link ModelInputTask} (the input file's sequences, or generated ones in the model's shape),
 * and exactly the file's weights in the model those settings build ({@code SequenceModel} for
 * one layer, {@code DeepSequenceModel} otherwise), as a {@link SessionState} at the start of
 * iteration 1. A {@code Dense(1, sigmoid)} becomes a two-class softmax over logits [0, z]
 * (softmax([0, z])₁ = σ(z)); with no Dense the readout is the identity (y = h, MSE). A
 * {@code Masking} input layer or an Embedding's {@code mask_zero} masks those steps of the task's
 * batches (the state is carried over them, {@link org.rnnlab.engine.SequenceBatch#stepMask}); the
 * merge mode of Bidirectional layers is kept. What the stepping engine cannot represent is refused in one line
 * naming the layer and what the window supports ({@link #SUPPORTED}); nothing is half-built.
 */
public final class ModelRun {
    /** What the window steps, for the refusals. */
    public static final String SUPPORTED = "the window steps [Embedding (mask_zero or not) or Masking →] 1–"
            + SimulationSettings.MAX_LAYERS + " SimpleRNN/LSTM/GRU layers of one cell, one H and one pair of"
            + " activations, all Bidirectional with one merge mode or none [→ one Dense (linear, softmax, or"
            + " sigmoid on 1 unit)]; `predict` runs the rest";
    /** Sequences per iteration when the inputs are generated. */
    public static final int GENERATED_BATCH = 4;

    private ModelRun() {}

    /**
     * The run of {@code stack} on the sequences of {@code input} (null: generated inputs).
     *
     * @throws IllegalArgumentException one line: the layer or setting the window cannot step, or
     *                                  the input that does not fit the model
     */
    public static SessionState of(LayerStack stack, Path input) {
        Fit fit = fit(stack);
        TaskOptions options = TaskOptions.defaults().withVariant(fit.spec().text()).withFile(input);
        Task task = Tasks.create(ModelInputTask.ID, options);
        int batch = input == null ? GENERATED_BATCH : ((ModelInputTask) task).rows().length;
        if (batch > 4096) {
            throw new IllegalArgumentException(input + ": field 'x': " + batch + " sequences; a run takes at most 4096");
        }
        CellConfig c = fit.cell();
        SimulationSettings s = new SimulationSettings(c.kind(), c.rnnActivation(), true, c.gruVariant(),
                c.hiddenSize(), ModelInputTask.ID, task.sequenceLength(), batch,
                fit.embedding() == null ? 16 : fit.embedding().dim(), InitScheme.PYTORCH_DEFAULT, Double.NaN,
                Double.NaN, 0.01, OptimizerKind.ADAM, true, 1.0, 42L, options, null, fit.layers().size(),
                fit.bidirectional()).withMerge(fit.merge());
        Model m = ModelFactory.uninitialised(s, task);
        copyWeights(fit, m);
        List<Param> params = m.params();
        double[][] w = new double[params.size()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = params.get(i).value().data.clone();
        }
        return new SessionState(s, 1, 0, 0, 0, w, new double[][] {{0.0}}, List.of(), Double.NaN);
    }

    /** What the stack is in the window's terms. */
    record Fit(ModelInputTask.Spec spec, CellConfig cell, List<RecurrentLayer> layers, boolean bidirectional,
               Merge merge, Embedding embedding, DenseLayer dense) {
        boolean sigmoid() {
            return dense != null && dense.activation() == Activation.SIGMOID;
        }
    }

    static Fit fit(LayerStack stack) {
        List<Layer> ls = stack.layers();
        int i = 0;
        Embedding emb = null;
        Double maskValue = null;
        if (ls.get(0) instanceof EmbeddingLayer e) {
            if (e.maskZero()) {
                maskValue = 0.0;
            }
            emb = e.table();
            i++;
        } else if (ls.get(0) instanceof MaskingLayer mask) {
            if (!Double.isFinite(mask.maskValue())) {
                throw refused(mask, "mask_value " + mask.maskValue());
            }
            maskValue = mask.maskValue();
            i++;
        }
        for (int k = i; k < ls.size(); k++) {
            if (ls.get(k) instanceof MaskingLayer) {
                throw refused(ls.get(k), "masks steps above the input (the window masks at the input only)");
            }
        }
        List<RecurrentLayer> rec = new ArrayList<>();
        while (i < ls.size() && ls.get(i) instanceof RecurrentLayer r) {
            rec.add(r);
            i++;
        }
        if (rec.isEmpty()) {
            throw refused(ls.get(i), "comes where the window needs a recurrent layer");
        }
        DenseLayer dense = null;
        if (i < ls.size()) {
            if (i != ls.size() - 1 || !(ls.get(i) instanceof DenseLayer d)) {
                throw refused(ls.get(i), "comes where the window needs the one Dense layer at the top");
            }
            dense = d;
        }
        if (rec.size() > SimulationSettings.MAX_LAYERS) {
            throw refused(rec.get(SimulationSettings.MAX_LAYERS), "is recurrent layer " + (SimulationSettings.MAX_LAYERS + 1));
        }
        CellConfig first = rec.get(0).cells().get(0).config();
        boolean bi = rec.get(0).cells().size() == 2;
        Merge merge = bi ? rec.get(0).merge() : Merge.CONCAT;
        for (int k = 0; k < rec.size(); k++) {
            RecurrentLayer r = rec.get(k);
            CellConfig c = r.cells().get(0).config();
            if (c.activation() != first.activation() || c.recurrentActivation() != first.recurrentActivation()) {
                throw refused(r, "activation " + c.activation().kerasName() + ", recurrent_activation "
                        + c.recurrentActivation().kerasName() + " above " + first.activation().kerasName() + ", "
                        + first.recurrentActivation().kerasName() + " (one pair for every layer)");
            }
            if (c.kind() != first.kind() || c.hiddenSize() != first.hiddenSize()
                    || c.rnnActivation() != first.rnnActivation() || c.gruVariant() != first.gruVariant()) {
                throw refused(r, "is " + describe(c) + " above " + describe(first) + " (one cell and H for every layer)");
            }
            if ((r.cells().size() == 2) != bi) {
                throw refused(r, (bi ? "is one direction" : "is Bidirectional") + " and the first is not");
            }
            if (bi && r.merge() != merge) {
                throw refused(r, "merge_mode " + r.merge().keras() + " above " + merge.keras()
                        + " (one merge mode for every layer)");
            }
            if (r.goBackwards()) {
                throw refused(r, "go_backwards=true");
            }
            if (k < rec.size() - 1 && !r.returnSequences()) {
                throw refused(r, "return_sequences=false below another recurrent layer");
            }
        }
        LossKind loss;
        int y = dense == null ? first.hiddenSize() * (bi && merge == Merge.CONCAT ? 2 : 1) : dense.affine().outputSize();
        if (dense == null || dense.activation() == Activation.LINEAR) {
            loss = LossKind.MSE;
        } else if (dense.activation() == null) {
            loss = LossKind.CROSS_ENTROPY;
        } else if (dense.activation() == Activation.SIGMOID && y == 1) {
            loss = LossKind.CROSS_ENTROPY;
            y = 2;
        } else {
            throw refused(dense, "activation " + dense.activation().kerasName() + " on " + y + " units");
        }
        IoPattern pattern = rec.get(rec.size() - 1).returnSequences() ? IoPattern.MANY_TO_MANY : IoPattern.MANY_TO_ONE;
        List<String> names = ls.stream().map(Layer::name).toList();
        boolean standard = first.standardActivations();
        ModelInputTask.Spec spec = new ModelInputTask.Spec(pattern, stack.inputWidth(),
                emb == null ? 0 : emb.vocabularySize(), y, loss, names, standard ? null : first.activation(),
                standard ? null : first.recurrentActivation(), maskValue);
        return new Fit(spec, first, rec, bi, merge, emb, dense);
    }

    private static String describe(CellConfig c) {
        return c.kind().name() + " " + c.hiddenSize();
    }

    private static IllegalArgumentException refused(Layer l, String what) {
        return new IllegalArgumentException("layer " + l.name() + " (" + l.getClass().getSimpleName()
                .replace("Layer", "") + "): " + what + "; " + SUPPORTED);
    }

    /** The file's tensors into {@code m}'s, cell by cell in PyTorch's order, then embedding and readout. */
    private static void copyWeights(Fit fit, Model m) {
        List<RecurrentCell> src = new ArrayList<>();
        fit.layers().forEach(r -> src.addAll(r.cells()));
        List<RecurrentCell> dst;
        LinearReadout readout;
        Embedding table;
        if (m instanceof DeepSequenceModel d) {
            dst = d.stack().allCells();
            readout = d.readout();
            table = d.embedding();
        } else {
            SequenceModel sm = (SequenceModel) m;
            dst = List.of(sm.cell());
            readout = sm.readout();
            table = sm.embedding();
        }
        if (src.size() != dst.size()) {
            throw new IllegalStateException("the model has " + dst.size() + " cells, the file " + src.size());
        }
        for (int i = 0; i < src.size(); i++) {
            if (!src.get(i).config().equals(dst.get(i).config())) {
                throw new IllegalStateException("cell " + i + ": " + src.get(i).config() + " vs " + dst.get(i).config());
            }
            copy(src.get(i).params(), dst.get(i).params());
        }
        if (table != null) {
            copy(fit.embedding().params(), table.params());
        }
        if (fit.dense() == null) {
            // no Dense: the identity readout, y = h
            for (int k = 0; k < readout.outputSize(); k++) {
                readout.weight().value().data[k * readout.hiddenSize() + k] = 1.0;
            }
            m.markChanged();
            return;
        }
        LinearReadout file = fit.dense().affine();
        if (fit.sigmoid()) {
            // logits [0, z]: row 0 and bias 0 stay zero
            int h = file.hiddenSize();
            System.arraycopy(file.weight().value().data, 0, readout.weight().value().data, h, h);
            readout.bias().value().data[1] = file.bias().value().data[0];
        } else {
            copy(file.params(), readout.params());
        }
        m.markChanged();
    }

    private static void copy(List<Param> from, List<Param> to) {
        for (int i = 0; i < from.size(); i++) {
            double[] a = from.get(i).value().data;
            double[] b = to.get(i).value().data;
            if (a.length != b.length) {
                throw new IllegalStateException(from.get(i).name() + ": " + a.length + " values, model " + b.length);
            }
            System.arraycopy(a, 0, b, 0, a.length);
        }
    }
}

package org.rnnlab.io.export;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.rnnlab.cli.RnnLabCommand;
import org.rnnlab.engine.SequenceBatch;
import org.rnnlab.engine.SequenceModel;
import org.rnnlab.io.SessionFile;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;

/**
 * Sessions of real tasks for the export tests, saved in the middle of an iteration's backward
 * phase, and the engine's own numbers for the batch of that iteration, computed by a second,
 * identical run that has not stepped into the iteration.
 */
final class ExportSessions {
    private ExportSessions() {}

    /** The engine's outputs [T·B × Y] (tick-major) and loss, with the batch they are for. */
    record Engine(SequenceBatch batch, double[] outputs, double loss) {}

    record Outcome(int exit, String out, String err) {}

    static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RnnLabCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Two training iterations, then into the third one's backward phase. */
    static Simulation running(SimulationSettings s) {
        Simulation sim = new Simulation(s, DefaultTasks.factory());
        sim.trainIteration();
        sim.trainIteration();
        for (int i = 0; i < 3; i++) {
            sim.stepForward();
        }
        sim.jumpToBackward();
        sim.stepForward();
        return sim;
    }

    static Path save(Simulation sim, Path file) throws Exception {
        SessionFile.write(file, sim.capture(), sim.model().paramNames());
        return file;
    }

    /** A fresh run of the same settings at the start of its third iteration, its batch loaded. */
    static org.rnnlab.engine.SteppableModel third(SimulationSettings s) {
        Simulation sim = new Simulation(s, DefaultTasks.factory());
        sim.trainIteration();
        sim.trainIteration();
        sim.stepForward();
        if (sim.iteration() != 3) {
            throw new IllegalStateException("expected iteration 3, is " + sim.iteration());
        }
        return sim.model();
    }

    /** The third iteration's batch run forward by a fresh run of the same settings. */
    static Engine engine(SimulationSettings s) {
        org.rnnlab.engine.SteppableModel m = third(s);
        if (m instanceof org.rnnlab.engine.EncoderDecoderModel e) {
            org.rnnlab.engine.Seq2SeqBatch both = e.batch();
            double loss = m.forwardLoss(both);
            return new Engine(both.target(), ExportedRun.outputsOf(m, both.target(), m.outputSize()), loss);
        }
        SequenceBatch b = (m instanceof SequenceModel one ? one.batch() : ((org.rnnlab.engine.DeepSequenceModel) m).batch())
                .withInputDropout(null);
        double loss = m.forwardLoss(b);
        return new Engine(b, ExportedRun.outputsOf(m, b, m.outputSize()), loss);
    }
}

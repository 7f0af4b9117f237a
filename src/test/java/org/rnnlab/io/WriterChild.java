package org.rnnlab.io;

import java.nio.file.Path;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.DefaultTasks;
import org.rnnlab.training.SessionState;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Trainer;
import org.rnnlab.training.TrainerConfig;

/**
 * The child JVM of {@link KillDuringWriteTest}: {@code session FILE} writes the same session to
 * FILE again and again, printing "wrote" after each; {@code train ARGS...} runs the train command.
 */
public final class WriterChild {
    private WriterChild() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("train")) {
            System.exit(org.rnnlab.cli.RnnLabCommand.run(args));
        }
        Trainer t = trainer();
        SessionState s = t.sessionState(t.run(null).records());
        Path target = Path.of(args[1]);
        while (true) {
            SessionFile.write(target, s, t.parameterNames());
            System.out.println("wrote");
            System.out.flush();
        }
    }

    /** The run whose session the child writes: LSTM, H = 96, two iterations on adding. */
    static Trainer trainer() {
        SimulationSettings settings = SimulationSettings.defaults().withCell(CellKind.LSTM).withHiddenSize(96)
                .withTask("adding", 10).withBatchSize(4);
        return new Trainer(TrainerConfig.of(settings, 2, 2), DefaultTasks.factory());
    }
}

package org.rnnlab.ui.shell;

import java.util.function.UnaryOperator;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.ClampChoice;

/**
 * The gate-surgery field of the settings panel: the clamp in force in {@link
 * org.rnnlab.engine.GateClamp}'s text form ("f=1@1", "f=0@5:u3" or "none"), edited as text; Enter
 * applies it like any other setting, and a clamp the cell cannot take is refused beside the field.
 */
final class ClampControl {
    static final String ID = "clamp";
    static final String TITLE = "Clamp gate";
    static final String TIP = "Hold a gate from tick T on, all units or unit J: f=1@1, f=0@5:u3 (LSTM f=1|0, i=0, o=1;"
            + " GRU z=1|0, r=0), none to remove. Or right-click a gate in the cell diagram";

    private ClampControl() {}

    /** The field's text for the settings in force. */
    static String shown(SimulationSettings s) {
        return ClampChoice.text(s.clamp());
    }

    /** The change the field's text asks for (parsed when applied, so a bad text is refused beside it). */
    static UnaryOperator<SimulationSettings> change(String text) {
        return s -> s.withClamp(ClampChoice.parse(text));
    }
}

package org.rnnlab.ui.shell;

import java.util.function.Supplier;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.SettingField;
import org.rnnlab.ui.model.SettingsModel;

/**
 * After File ▸ Open model… the run holds the file's weights; a setting changed (or a reset)
 * rebuilds the model from the seed and they would be gone. This asks first, naming what is lost:
 * "Changing the hidden size rebuilds the model from seed 7: the weights from model.json are
 * replaced." Yes rebuilds (and nothing is asked again, the file's weights being gone); Cancel keeps
 * the run, and the controls show the settings in force. A restored session or a lesson replaces
 * the run without asking. FX thread.
 */
final class OpenedModelGuard implements SettingsModel.RebuildGuard {
    private final Supplier<FilePrompts> prompts;
    private String file;
    private boolean asking;

    /** @param prompts the window's questions (scripted in tests) */
    OpenedModelGuard(Supplier<FilePrompts> prompts) {
        this.prompts = prompts;
    }

    /** The run is now the model of {@code fileName}, with its weights. */
    void opened(String fileName) {
        this.file = fileName;
    }

    /** True while the run holds an opened model's weights. */
    boolean guarding() {
        return file != null;
    }

    @Override
    public boolean allows(SettingField field, SimulationSettings next) {
        if (file == null) {
            return true;
        }
        if (asking) {
            // a control losing focus to the question itself: the question already open decides
            return false;
        }
        asking = true;
        try {
            boolean go = prompts.get().confirm("Replace the opened model?", question(field, next));
            if (go) {
                file = null;
            }
            return go;
        } finally {
            asking = false;
        }
    }

    @Override
    public void replaced() {
        file = null;
    }

    String question(SettingField field, SimulationSettings next) {
        return (field == null ? "Resetting" : "Changing the " + field.label()) + " rebuilds the model from seed "
                + next.seed() + ": the weights from " + file + " are replaced.\n\nNo keeps the opened model.";
    }
}

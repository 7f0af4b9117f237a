package org.rnnlab.ui.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rnnlab.training.SimulationSettings;

/**
 * The settings in force and, per control, the reason its last value was refused. A change is a
 * function of the settings in force: if it throws {@link IllegalArgumentException} (a value that
 * does not parse, or that {@link SimulationSettings} refuses) the message is shown beside that
 * control and the settings in force stay; otherwise the new settings are handed to the engine,
 * which rebuilds the model from the seed. FX thread only.
 */
public final class SettingsModel {
    private final ReadOnlyObjectWrapper<SimulationSettings> settings;
    private final Map<SettingField, ReadOnlyStringWrapper> errors = new EnumMap<>(SettingField.class);
    private final Consumer<SimulationSettings> onApply;
    private SettingField lastChanged;
    private RebuildGuard guard;
    private final ReadOnlyIntegerWrapper declined = new ReadOnlyIntegerWrapper(this, "declined", 0);

    /**
     * Asked before an accepted change rebuilds the model from the seed, e.g. to keep an opened
     * model's weights; nothing is asked without one.
     */
    public interface RebuildGuard {
        /**
         * True to go on with the rebuild.
         *
         * @param field the control changed, or null for a rebuild of the settings in force (reset)
         * @param next  the settings the model would be rebuilt from
         */
        boolean allows(SettingField field, SimulationSettings next);

        /** The run was replaced without a rebuild question (a restored session, a lesson). */
        void replaced();
    }

    /**
     * @param initial the settings in force at start (already applied to the engine)
     * @param onApply called with every accepted change, e.g. {@code runner::reset}
     */
    public SettingsModel(SimulationSettings initial, Consumer<SimulationSettings> onApply) {
        this.settings = new ReadOnlyObjectWrapper<>(this, "settings", Objects.requireNonNull(initial));
        this.onApply = onApply;
        for (SettingField f : SettingField.values()) {
            errors.put(f, new ReadOnlyStringWrapper(this, f.name(), null));
        }
    }

    public ReadOnlyObjectProperty<SimulationSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public SimulationSettings settings() {
        return settings.get();
    }

    /** The guard asked before a rebuild, or null for none. */
    public void setGuard(RebuildGuard g) {
        this.guard = g;
    }

    /** Counts the changes the guard declined: the controls show the settings in force again. */
    public ReadOnlyIntegerProperty declinedProperty() {
        return declined.getReadOnlyProperty();
    }

    /** The reason the control's last value was refused, or null when it was accepted. */
    public ReadOnlyStringProperty errorProperty(SettingField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public String error(SettingField field) {
        return errors.get(field).get();
    }

    /**
     * Applies a change made at one control.
     *
     * @return true if accepted (and handed to the engine), false if refused or declined by the guard
     */
    public boolean apply(SettingField field, UnaryOperator<SimulationSettings> change) {
        SimulationSettings next;
        try {
            next = change.apply(settings.get());
        } catch (IllegalArgumentException e) {
            errors.get(field).set(e.getMessage());
            return false;
        }
        errors.get(field).set(null);
        if (!next.equals(settings.get())) {
            if (guard != null && !guard.allows(field, next)) {
                declined.set(declined.get() + 1);
                return false;
            }
            lastChanged = field;
            settings.set(next);
            onApply.accept(next);
        }
        return true;
    }

    /**
     * The engine could not build a model from the settings last applied (for instance a task that
     * needs longer sequences) and kept the previous one: that one is in force again, and the reason
     * is shown beside the control changed last.
     */
    public void refusedByEngine(SimulationSettings stillInForce, String message) {
        if (stillInForce.equals(settings.get())) {
            return;
        }
        settings.set(stillInForce);
        if (lastChanged != null) {
            errors.get(lastChanged).set(message);
        }
    }

    /** Clears the refusal shown at a control (its text was put back to the value in force). */
    public void clearError(SettingField field) {
        errors.get(field).set(null);
    }

    /** Rebuilds the model from the settings in force (the transport's reset). */
    public void reapply() {
        if (guard != null && !guard.allows(null, settings.get())) {
            return;
        }
        onApply.accept(settings.get());
    }

    /** Replaces every setting at once (a lesson or a session), refusing nothing already built. */
    public void replace(SimulationSettings next) {
        if (guard != null) {
            guard.replaced();
        }
        for (ReadOnlyStringWrapper e : errors.values()) {
            e.set(null);
        }
        settings.set(Objects.requireNonNull(next));
        onApply.accept(next);
    }

    /**
     * Shows settings the engine already runs (a session was restored from them, bit for bit):
     * every control follows, refusals shown beside the controls are cleared, and the model is not
     * rebuilt (a rebuild from the seed would lose the restored weights and position).
     */
    public void showRestored(SimulationSettings restored) {
        if (guard != null) {
            guard.replaced();
        }
        for (ReadOnlyStringWrapper e : errors.values()) {
            e.set(null);
        }
        lastChanged = null;
        settings.set(Objects.requireNonNull(restored));
    }
}

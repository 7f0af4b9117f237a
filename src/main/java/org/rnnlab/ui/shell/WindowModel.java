package org.rnnlab.ui.shell;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the window shows apart from the run: theme, presenter mode, the keyboard help, the
 * settings panel, compare mode, and which part has the keys. Read-only properties in one
 * section, the commands that change them in another (after AtlantaFX's sampler {@code MainModel});
 * the layout ({@link WindowChrome}) and the keyboard ({@link KeyDispatch}) listen to it, and no
 * other class keeps a copy of these flags. No nodes here, so it is tested without a stage. FX
 * thread.
 *
 * <p>The rules between the flags live here and nowhere else: presenter mode hides the settings;
 * showing the settings leaves presenter mode; while a text field is being edited it has the keys,
 * otherwise the views (or compare mode) have them.
 */
public final class WindowModel {
    /** Which part of the window the keys go to. */
    public enum KeyOwner {
        /** The views, or compare mode while it is open: the transport keys work. */
        VIEWS,
        /** A text field being edited: keys type into it until Enter, Escape or a click elsewhere. */
        FIELD
    }

    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(Theme.LIGHT);
    private final ReadOnlyBooleanWrapper presenter = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper helpShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper settingsShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper compareOpen = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<KeyOwner> keys = new ReadOnlyObjectWrapper<>(KeyOwner.VIEWS);

    // ---- properties ----

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty presenterProperty() {
        return presenter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty helpShownProperty() {
        return helpShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty settingsShownProperty() {
        return settingsShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty compareOpenProperty() {
        return compareOpen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KeyOwner> keysProperty() {
        return keys.getReadOnlyProperty();
    }

    public Theme theme() {
        return theme.get();
    }

    public boolean presenter() {
        return presenter.get();
    }

    public boolean helpShown() {
        return helpShown.get();
    }

    public boolean settingsShown() {
        return settingsShown.get();
    }

    public boolean compareOpen() {
        return compareOpen.get();
    }

    public KeyOwner keys() {
        return keys.get();
    }

    // ---- commands ----

    public void setTheme(Theme t) {
        theme.set(Objects.requireNonNull(t, "theme"));
    }

    public void toggleTheme() {
        setTheme(theme().toggled());
    }

    /** Presenter mode on or off; on hides the settings. */
    public void setPresenter(boolean on) {
        if (on) {
            settingsShown.set(false);
        }
        presenter.set(on);
    }

    public void togglePresenter() {
        setPresenter(!presenter());
    }

    public void setHelpShown(boolean on) {
        helpShown.set(on);
    }

    public void toggleHelp() {
        setHelpShown(!helpShown());
    }

    /** Shows or hides the settings; showing them leaves presenter mode, which hides them. */
    public void setSettingsShown(boolean on) {
        if (on) {
            presenter.set(false);
        }
        settingsShown.set(on);
    }

    /** S: in presenter mode the settings come back with the rest of the controls. */
    public void toggleSettings() {
        setSettingsShown(presenter() || !settingsShown());
    }

    /** Compare mode opened or closed (compare mode reports it). */
    void setCompareOpen(boolean open) {
        compareOpen.set(open);
    }

    /** The focus moved: a text field has the keys while it is edited, else the views. */
    void setKeys(KeyOwner owner) {
        keys.set(Objects.requireNonNull(owner, "owner"));
    }
}

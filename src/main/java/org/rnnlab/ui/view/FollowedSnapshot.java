package org.rnnlab.ui.view;

import org.rnnlab.training.Snapshot;

/**
 * The snapshot a view drawn for one layer shows: the newest from the engine and, of it, the layer
 * and direction the {@link UnitSelection} chooses ({@link UnitSelection#slice}), made again when
 * the choice changes. FX thread.
 */
final class FollowedSnapshot {
    private final UnitSelection selection;
    private Snapshot source;
    private Snapshot shown;

    /** @param onChoice given the snapshot to show after a new layer choice */
    FollowedSnapshot(UnitSelection selection, java.util.function.Consumer<Snapshot> onChoice) {
        this.selection = selection;
        selection.layerProperty().addListener((o, was, now) -> {
            if (source != null) {
                shown = selection.slice(source);
                onChoice.accept(shown);
            }
        });
    }

    /** Takes a newer snapshot; false (nothing changed) when it is null or the one shown. */
    boolean offer(Snapshot s) {
        if (s == null || s == source) {
            return false;
        }
        source = s;
        shown = selection.slice(s);
        return true;
    }

    /** The chosen layer and direction of the newest snapshot (itself for one layer), null before the first. */
    Snapshot shown() {
        return shown;
    }

    /** The newest snapshot whole, null before the first. */
    Snapshot source() {
        return source;
    }
}

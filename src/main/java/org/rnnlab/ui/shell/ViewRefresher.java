package org.rnnlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.view.SnapshotView;

/**
 * Hands the newest snapshot to the views, in one of two ways. Stepping (or playing slowly): every
 * view gets each new snapshot in the same frame, so all of them always show the same tick.
 * Running fast (full-speed play, training): the snapshot changes every frame, faster than anyone
 * reads, so each frame refreshes one view that is behind, in turn (at 60 frames per second each
 * of six views is redrawn ten times a second), and the iteration records for the curves wait for
 * the curves' turn. No record is dropped, and when the run slows down again every view is brought
 * up to date at once. This keeps the cost of a frame to that of one view, whatever T and H are.
 * FX thread.
 */
final class ViewRefresher {
    private final List<SnapshotView> views;
    private final int curves;
    private final Consumer<List<IterationRecord>> curvesAppend;
    private final Snapshot[] shownTo;
    private final List<IterationRecord> pendingRecords = new ArrayList<>();
    private Snapshot latest;
    private int next;
    private boolean staggered;

    private final long[] showNanos;
    private final long[] showMax;
    private final long[] shows;
    private final long[] animateNanos;

    /**
     * @param views        every view, in a fixed order
     * @param curves       the index of the training curves among them
     * @param curvesAppend where records go
     */
    ViewRefresher(List<SnapshotView> views, int curves, Consumer<List<IterationRecord>> curvesAppend) {
        this.views = List.copyOf(views);
        this.curves = curves;
        this.curvesAppend = curvesAppend;
        int n = views.size();
        shownTo = new Snapshot[n];
        showNanos = new long[n];
        showMax = new long[n];
        shows = new long[n];
        animateNanos = new long[n];
    }

    /** A newer snapshot from the engine. */
    void offer(Snapshot s) {
        latest = s;
        if (!staggered) {
            refreshAll();
        }
    }

    /** Records drained from the engine this frame. */
    void offerRecords(List<IterationRecord> records) {
        if (staggered) {
            pendingRecords.addAll(records);
        } else {
            curvesAppend.accept(records);
        }
    }

    /** Every frame: refresh one view that is behind (when staggered), then animate them all. */
    void frame(double elapsedSeconds) {
        if (staggered) {
            refreshOneBehind();
        }
        for (int i = 0; i < views.size(); i++) {
            long t0 = System.nanoTime();
            views.get(i).animate(elapsedSeconds);
            animateNanos[i] += System.nanoTime() - t0;
        }
    }

    /** Forgets records waiting for the curves' turn (they belong to a run that was replaced). */
    void dropPendingRecords() {
        pendingRecords.clear();
    }

    boolean isStaggered() {
        return staggered;
    }

    /** Switches between all-at-once and one-view-per-frame; switching back brings every view up to date. */
    void setStaggered(boolean on) {
        if (on == staggered) {
            return;
        }
        staggered = on;
        if (!on) {
            refreshAll();
        }
    }

    /** The snapshot view {@code i} shows, or null. */
    Snapshot shownTo(int i) {
        return shownTo[i];
    }

    private boolean behind(int i) {
        return latest != null && shownTo[i] != latest || i == curves && !pendingRecords.isEmpty();
    }

    private void refreshOneBehind() {
        int n = views.size();
        for (int k = 0; k < n; k++) {
            int i = (next + k) % n;
            if (behind(i)) {
                refresh(i);
                next = (i + 1) % n;
                return;
            }
        }
    }

    private void refreshAll() {
        for (int i = 0; i < views.size(); i++) {
            if (behind(i)) {
                refresh(i);
            }
        }
    }

    private void refresh(int i) {
        if (latest != null && shownTo[i] != latest) {
            long t0 = System.nanoTime();
            views.get(i).show(latest);
            long d = System.nanoTime() - t0;
            showNanos[i] += d;
            showMax[i] = Math.max(showMax[i], d);
            shows[i]++;
            shownTo[i] = latest;
        }
        if (i == curves && !pendingRecords.isEmpty()) {
            List<IterationRecord> batch = new ArrayList<>(pendingRecords);
            pendingRecords.clear();
            curvesAppend.accept(batch);
        }
    }

    /** Per view: mean and worst show time, how many shows, total animate time. */
    String times(List<String> ids) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < views.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(ids.get(i)).append(String.format(Locale.ROOT,
                    " show %.1f ms mean, %.1f ms max, %d shows; animate %.0f ms in all",
                    showNanos[i] / 1e6 / Math.max(1, shows[i]), showMax[i] / 1e6, shows[i], animateNanos[i] / 1e6));
        }
        return sb.toString();
    }
}

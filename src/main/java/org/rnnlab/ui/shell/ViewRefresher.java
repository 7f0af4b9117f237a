package org.rnnlab.ui.shell;

import java.util.List;
import java.util.Locale;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.view.SnapshotView;

/**
 * Hands the newest snapshot to the views, in one of two ways. Stepping (or playing slowly): every
 * view gets each new snapshot in the same frame, so all of them always show the same tick.
 * Running fast (full-speed play, training): the snapshot changes every frame, faster than anyone
 * reads, so each frame refreshes one view that is behind, in turn (at 60 frames per second each
 * of six views is redrawn ten times a second). Nothing is lost by skipping snapshots: each holds
 * the run's whole history for the curves. When the run slows down again every view is brought up
 * to date at once. This keeps the cost of a frame to that of one view, whatever T and H are.
 * FX thread.
 */
final class ViewRefresher {
    private final List<SnapshotView> views;
    private final Snapshot[] shownTo;
    private Snapshot latest;
    private int next;
    private boolean staggered;

    private final long[] showNanos;
    private final long[] showMax;
    private final long[] shows;
    private final long[] animateNanos;

    /** @param views every view, in a fixed order */
    ViewRefresher(List<SnapshotView> views) {
        this.views = List.copyOf(views);
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
        return latest != null && shownTo[i] != latest;
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
        if (behind(i)) {
            long t0 = System.nanoTime();
            views.get(i).show(latest);
            long d = System.nanoTime() - t0;
            showNanos[i] += d;
            showMax[i] = Math.max(showMax[i], d);
            shows[i]++;
            shownTo[i] = latest;
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

package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.AppTasks;
import org.rnnlab.ui.view.SnapshotView;

/** The refresh policy alone, with recording views: no JavaFX needed. */
class ViewRefresherTest {
    private final List<Fake> fakes = List.of(new Fake(), new Fake(), new Fake(), new Fake());
    private final ViewRefresher refresher = new ViewRefresher(new ArrayList<>(fakes));
    private final Simulation sim = new Simulation(SimulationSettings.defaults().withTask("adding", 6), AppTasks.factory());

    private Snapshot next() {
        sim.stepForward();
        return sim.snapshot(null, true);
    }

    @Test
    void steppingShowsEverySnapshotToEveryViewInTheSameFrame() {
        Snapshot a = next();
        refresher.offer(a);
        for (Fake f : fakes) {
            assertThat(f.shown).containsExactly(a);
        }
        refresher.frame(0.016);
        assertThat(fakes.get(0).animated).isEqualTo(1);
    }

    @Test
    void runningFastRefreshesOneViewPerFrameInTurn() {
        refresher.setStaggered(true);
        Snapshot a = next();
        refresher.offer(a);
        assertThat(fakes).allSatisfy(f -> assertThat(f.shown).isEmpty());

        refresher.frame(0.016);
        assertThat(fakes.get(0).shown).containsExactly(a);
        assertThat(fakes.get(1).shown).isEmpty();
        Snapshot b = next();
        refresher.offer(b);
        refresher.frame(0.016);
        refresher.frame(0.016);
        assertThat(fakes.get(1).shown).containsExactly(b);
        assertThat(fakes.get(2).shown).containsExactly(b);
        refresher.frame(0.016);
        assertThat(fakes.get(3).shown).containsExactly(b);
        refresher.frame(0.016);
        assertThat(fakes.get(0).shown).containsExactly(a, b);
        // every view is animated every frame
        assertThat(fakes).allSatisfy(f -> assertThat(f.animated).isEqualTo(5));
    }

    @Test
    void slowingDownBringsEveryViewUpToDateAtOnce() {
        refresher.setStaggered(true);
        Snapshot a = next();
        refresher.offer(a);
        refresher.frame(0.016);
        refresher.setStaggered(false);
        assertThat(fakes).allSatisfy(f -> assertThat(f.shown).containsExactly(a));
        assertThat(refresher.shownTo(2)).isSameAs(a);
    }

    private static final class Fake implements SnapshotView {
        final List<Snapshot> shown = new ArrayList<>();
        int animated;

        @Override
        public Node node() {
            return null;
        }

        @Override
        public void show(Snapshot snapshot) {
            shown.add(snapshot);
        }

        @Override
        public void animate(double elapsedSeconds) {
            animated++;
        }
    }
}

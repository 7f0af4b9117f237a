package org.rnnlab.ui.shell;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.rnnlab.training.IterationRecord;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.model.Numbers;
import org.rnnlab.ui.view.SnapshotView;

/**
 * Stands in for a view that is not built yet: shows the phase text of the newest snapshot (and,
 * as the curves' stand-in, how many iteration records arrived and the last loss).
 */
public final class PlaceholderView implements SnapshotView {
    private final StackPane root = new StackPane();
    private final Label phase = new Label("Ready");
    private final Label detail = new Label("");
    private long records;

    public PlaceholderView(String what) {
        Label title = new Label(what);
        title.getStyleClass().add("placeholder-title");
        phase.getStyleClass().add("placeholder-phase");
        detail.getStyleClass().add("placeholder-detail");
        VBox box = new VBox(8, title, phase, detail);
        box.setAlignment(Pos.CENTER);
        root.getChildren().add(box);
        root.getStyleClass().add("placeholder-view");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(Snapshot snapshot) {
        phase.setText(snapshot.phaseText());
    }

    /** As the curves' stand-in: counts records. */
    public void append(List<IterationRecord> batch) {
        records += batch.size();
        IterationRecord last = batch.get(batch.size() - 1);
        detail.setText(records + " iterations, last loss " + Numbers.format(last.loss()));
    }

    public long records() {
        return records;
    }
}

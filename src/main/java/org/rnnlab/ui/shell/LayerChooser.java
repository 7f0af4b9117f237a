package org.rnnlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.rnnlab.training.Snapshot;
import org.rnnlab.training.TickPlaces;
import org.rnnlab.ui.figure.LayerPick;
import org.rnnlab.ui.view.UnitSelection;

/**
 * The toolbar's layer and direction choice for a stacked or bidirectional run ("Follow the step",
 * "Layer 1 →", "Layer 1 ←", "Layer 2 →", …, in the order the forward pass runs them): what the cell
 * diagram, the equations, the heatmaps, the sequence and the gradient bars show. Hidden for one
 * layer in one direction. The choice is the {@link UnitSelection}'s; D and Shift+D step through it.
 * FX thread.
 */
final class LayerChooser {
    static final String FOLLOW = "Follow the step";

    private final UnitSelection selection;
    private final ChoiceBox<String> box = new ChoiceBox<>();
    /** The picks of the items after "Follow the step", in order. */
    private final List<LayerPick> picks = new ArrayList<>();
    private String shape = "";
    private boolean updating;

    LayerChooser(UnitSelection selection) {
        this.selection = selection;
        box.setId("layerChoice");
        box.setTooltip(new Tooltip("Which layer and direction the diagram, equations, heatmaps, sequence and "
                + "gradient bars show (D next, Shift+D previous)"));
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!updating && now.intValue() >= 0) {
                selection.selectLayer(now.intValue() == 0 ? null : picks.get(now.intValue() - 1));
            }
        });
        selection.layerProperty().addListener((o, was, now) -> showChoice());
        show(null);
    }

    Node node() {
        return box;
    }

    /** Shows the choices of {@code s}'s run, or hides the box (and follows the step) for one layer in one direction. */
    void show(Snapshot s) {
        TickPlaces p = s == null ? null : s.run().places();
        boolean deep = p != null;
        box.setVisible(deep);
        box.setManaged(deep);
        String key = deep ? p.layers() + "x" + p.directions() : "";
        if (key.equals(shape)) {
            return;
        }
        shape = key;
        updating = true;
        picks.clear();
        List<String> items = new ArrayList<>(List.of(FOLLOW));
        if (deep) {
            for (int l = 0; l < p.layers(); l++) {
                for (int d = 0; d < p.directions(); d++) {
                    picks.add(new LayerPick(l, d));
                    items.add(picks.get(picks.size() - 1).name());
                }
            }
        }
        box.getItems().setAll(items);
        updating = false;
        if (selection.layer() != null && !picks.contains(selection.layer())) {
            selection.selectLayer(null);
        }
        showChoice();
    }

    /** The next (+1) or previous (−1) choice, round to "Follow the step"; nothing for one layer. */
    void cycle(int delta) {
        if (picks.isEmpty()) {
            return;
        }
        int n = picks.size() + 1;
        int now = selection.layer() == null ? 0 : picks.indexOf(selection.layer()) + 1;
        int next = Math.floorMod(now + delta, n);
        selection.selectLayer(next == 0 ? null : picks.get(next - 1));
    }

    private void showChoice() {
        int i = selection.layer() == null ? 0 : picks.indexOf(selection.layer()) + 1;
        updating = true;
        box.getSelectionModel().select(Math.max(0, i));
        updating = false;
    }
}

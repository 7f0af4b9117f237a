package org.rnnlab.ui.shell;

import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.figure.ShownPosition;
import org.rnnlab.ui.model.ClampChoice;
import org.rnnlab.ui.model.SettingField;
import org.rnnlab.ui.model.SettingsModel;
import org.rnnlab.ui.view.CellDiagramView;
import org.rnnlab.ui.view.UnitSelection;

/**
 * Gate surgery from the cell diagram: a right-click on a gate box opens the clamps that gate
 * allows ({@link ClampChoice#forGate}) from the shown tick, for the followed unit or all units,
 * and "Remove clamp" when one is in force. A choice is applied through the {@link SettingsModel}
 * like the clamp field of the settings panel, so the engine rebuilds the run. An RNN has no gates
 * and offers no menu.
 */
final class GateClampMenu {
    private final CellDiagramView view;
    private final SettingsModel settings;
    private final UnitSelection selection;
    private final ContextMenu menu = new ContextMenu();

    private GateClampMenu(CellDiagramView view, SettingsModel settings, UnitSelection selection) {
        this.view = view;
        this.settings = settings;
        this.selection = selection;
        menu.setId("gateClampMenu");
    }

    /** Lets a right-click on a gate of {@code view} set or remove the clamp in {@code settings}. */
    static void attach(CellDiagramView view, SettingsModel settings, UnitSelection selection) {
        GateClampMenu m = new GateClampMenu(view, settings, selection);
        // a secondary click, not the platform's context-menu request: headless (Monocle) sends none
        view.node().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                m.open(e);
            }
        });
    }

    private void open(MouseEvent e) {
        menu.hide();
        Snapshot s = view.shown();
        if (s == null || s.run().cell().kind() == CellKind.RNN) {
            return;
        }
        view.gateAt(e.getX(), e.getY()).ifPresent(gate -> {
            List<ClampChoice> choices = ClampChoice.forGate(gate, ShownPosition.tick(s),
                    ShownPosition.unit(s, selection.unit()), settings.settings().clamp());
            if (choices.isEmpty()) {
                return;
            }
            menu.getItems().setAll(choices.stream().map(this::item).toList());
            menu.show(view.node(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private MenuItem item(ClampChoice c) {
        MenuItem item = new MenuItem(c.label());
        item.setOnAction(a -> settings.apply(SettingField.CLAMP, s -> s.withClamp(c.clamp())));
        return item;
    }
}

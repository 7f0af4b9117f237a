package org.rnnlab.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The window's real prompts: the platform's file choosers (remembering the last folder), a small
 * dialog for the GIF's options, an error dialog that names the file and the field, and a
 * notification when something was saved. FX thread.
 */
final class DialogPrompts implements FilePrompts {
    private final Supplier<Window> owner;
    private File lastFolder;

    DialogPrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseSave(String title, String description, String extension, String suggestedName) {
        FileChooser fc = chooser(title, description, List.of(extension));
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getParentFile();
        String name = f.getName();
        // some platforms' choosers do not add the extension of the chosen filter
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)) {
            f = new File(f.getParentFile(), name + "." + extension);
        }
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> chooseOpen(String title, String description, List<String> extensions) {
        File f = chooser(title, description, extensions).showOpenDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getParentFile();
        return Optional.of(f.toPath());
    }

    private FileChooser chooser(String title, String description, List<String> extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description,
                extensions.stream().map(e -> "*." + e).toList()));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            fc.setInitialDirectory(lastFolder);
        }
        return fc;
    }

    @Override
    public Optional<GifRequest> gifOptions(GifRequest proposed, List<ViewChoice> views, int steps) {
        Dialog<GifRequest> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("Export animated GIF");
        d.setHeaderText("An animated GIF of one view, one frame per tick");
        ComboBox<ViewChoice> view = new ComboBox<>();
        view.getItems().addAll(views);
        view.setConverter(ChoiceCells.converter(ViewChoice::title));
        view.setButtonCell(ChoiceCells.cell(view.getConverter()));
        view.getSelectionModel().select(views.stream().filter(v -> v.id().equals(proposed.viewId())).findFirst()
                .orElse(views.get(0)));
        ComboBox<GifRequest.Range> range = new ComboBox<>();
        range.getItems().addAll(GifRequest.Range.values());
        range.setConverter(ChoiceCells.converter(r -> r.title() + "  (" + r.frames(steps) + " frames)"));
        range.setButtonCell(ChoiceCells.cell(range.getConverter()));
        range.setValue(proposed.range());
        Spinner<Integer> delay = new Spinner<>(org.rnnlab.io.GifWriter.MIN_DELAY_MILLIS, 10_000, proposed.delayMillis(), 50);
        delay.setEditable(true);
        delay.setTooltip(new Tooltip("How long each frame is shown, in milliseconds"));
        ComboBox<Integer> scale = new ComboBox<>();
        scale.getItems().addAll(1, 2);
        scale.setConverter(ChoiceCells.converter(s -> s + "× the size on screen"));
        scale.setButtonCell(ChoiceCells.cell(scale.getConverter()));
        scale.setValue(proposed.scale());
        CheckBox loop = new CheckBox("Loop forever");
        loop.setSelected(proposed.loop());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(0, new Label("View"), view);
        grid.addRow(1, new Label("Ticks"), range);
        grid.addRow(2, new Label("Frame delay (ms)"), delay);
        grid.addRow(3, new Label("Size"), scale);
        grid.add(loop, 1, 4);
        d.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        d.setResultConverter(b -> b == export ? new GifRequest(view.getValue().id(), range.getValue(),
                delay.getValue(), scale.getValue(), loop.isSelected()) : null);
        return d.showAndWait();
    }

    @Override
    public boolean confirm(String title, String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.YES, ButtonType.NO);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    @Override
    public void error(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setMinWidth(560);
        a.show();
    }

    @Override
    public void info(String message) {
        Window w = owner.get();
        if (w == null || !w.isShowing()) {
            return;
        }
        Notifications.create().text(message).owner(w).position(Pos.BOTTOM_LEFT)
                .hideAfter(Duration.seconds(4)).showInformation();
    }

}

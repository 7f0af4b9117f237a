package org.rnnlab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The RNN Lab window. */
public class RnnLabApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(RnnLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Label label = new Label("RNN Lab: the simulator window is coming.");
        label.setStyle("-fx-font-size: 24px;");
        stage.setScene(new Scene(new StackPane(label), 1000, 700));
        stage.setTitle("RNN Lab");
        stage.show();
    }
}

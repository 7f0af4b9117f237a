package org.rnnlab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.engine.CellKind;
import org.rnnlab.training.Simulation;
import org.rnnlab.training.Snapshot;
import org.rnnlab.ui.chart.ViewStyle;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The equations view at the sizes the window gives it: every line in view without scrolling (the
 * LSTM's six equations and both gradients at 1080p, in everyday and presenter type), and each
 * snapshot written into the same text nodes rather than new ones.
 */
@ExtendWith(ApplicationExtension.class)
class EquationsFitTest {
    private final StackPane host = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(host, 1200, 900));
        stage.show();
    }

    private EquationsView shown(FxRobot robot, Snapshot s, double w, double h, double font) {
        ViewStyle style = new ViewStyle();
        style.setEasing(false);
        style.setFontSize(font);
        EquationsView view = new EquationsView(new UnitSelection(), style);
        robot.interact(() -> {
            Region r = (Region) view.node();
            r.setMinSize(w, h);
            r.setPrefSize(w, h);
            r.setMaxSize(w, h);
            host.getChildren().setAll(r);
            view.show(s);
            host.applyCss();
            host.layout();
        });
        robot.interact(() -> host.layout());
        return view;
    }

    @Test
    void everyLineOfAnLstmInTheBackwardPassFitsTheWindowsPanel(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 20, 8));
        Snapshot s = ViewTestKit.step(sim, 20 + 1 + 7);
        // the equations' panel at 1080p (a third of the width, the top row), and in presenter type
        EquationsView everyday = shown(robot, s, 566, 450, 16);
        assertThat(everyday.figure().lines()).hasSize(14);
        assertThat(everyday.allLinesFit()).isTrue();
        assertThat(everyday.equationFontSize()).isGreaterThanOrEqualTo(16);
        EquationsView presenter = shown(robot, s, 630, 440, 20);
        assertThat(presenter.allLinesFit()).isTrue();
        assertThat(presenter.equationFontSize()).isGreaterThanOrEqualTo(16);
        // a roomy panel gets the largest type
        EquationsView roomy = shown(robot, s, 900, 800, 16);
        assertThat(roomy.equationFontSize()).isEqualTo(16 * 1.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void eachTickIsWrittenIntoTheSameTextNodes(FxRobot robot) {
        Simulation sim = ViewTestKit.sim(ViewTestKit.settings(CellKind.LSTM, 20, 8));
        Snapshot a = ViewTestKit.step(sim, 5);
        EquationsView view = shown(robot, a, 566, 450, 16);
        List<Node> before = textNodes(view.node());
        String textBefore = view.figure().text();
        Snapshot b = ViewTestKit.step(sim, 1);
        robot.interact(() -> view.show(b));
        List<Node> after = textNodes(view.node());
        assertThat(view.figure().text()).isNotEqualTo(textBefore);
        assertThat(view.figure().heading()).isEqualTo("LSTM · unit 1 · t=6 · Forward");
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as("node %d", i).isSameAs(before.get(i));
        }
        // and what the nodes say is what lines() reports
        String drawn = String.join("", after.stream().filter(Node::isVisible).map(n -> ((Text) n).getText()).toList());
        assertThat(drawn.replace(" ", "")).contains(("= " + ViewNumbers.format(b.columns().forward()[5].h()[0])).replace(" ", ""));
    }

    /** Every text node under {@code root}, depth first. */
    private static List<Node> textNodes(Node root) {
        List<Node> out = new java.util.ArrayList<>();
        if (root instanceof Text) {
            out.add(root);
        } else if (root instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                out.addAll(textNodes(child));
            }
        }
        return out;
    }
}

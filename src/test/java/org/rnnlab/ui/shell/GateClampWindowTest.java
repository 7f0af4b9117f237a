package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.GateClamp;
import org.rnnlab.ui.figure.DiagramGate;
import org.rnnlab.ui.figure.Hit;
import org.rnnlab.ui.view.CellDiagramView;
import org.rnnlab.ui.view.EquationsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Gate surgery from the window: a right-click on the LSTM's forget gate sets a clamp that the
 * settings field, the diagram and the equations then show; "Remove clamp" takes it away; a bad
 * clamp typed into the field is refused beside it and changes nothing.
 */
class GateClampWindowTest extends WindowFixture {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void rightClickingTheForgetGateClampsItAndRemovesTheClampAgain(FxRobot robot) {
        frame(robot);
        robot.clickOn("#toggleControls");
        TextField field = robot.lookup("#clamp").queryAs(TextField.class);
        assertThat(field.getText()).isEqualTo("none");

        rightClickGate(robot, "f");
        robot.clickOn("Hold at 1 from t=1 (all units)");
        frame(robot);
        assertThat(window.settings().settings().clamp()).isEqualTo(GateClamp.parse("f=1@1"));
        assertThat(field.getText()).isEqualTo("f=1@1");

        robot.clickOn("#stepForward").clickOn("#stepForward");
        frame(robot);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=2/20");
        assertThat(forgetGate().label()).isEqualTo("f_t ≡ 1");
        assertThat(forgetGate().value()).isEqualTo(1.0);
        assertThat(equations().figure().equations().get(1).numeric()).isEqualTo("= 1.0000 (clamped f=1@1)");

        rightClickGate(robot, "f");
        robot.clickOn("Remove clamp f=1@1");
        frame(robot);
        assertThat(window.settings().settings().clamp()).isNull();
        assertThat(field.getText()).isEqualTo("none");
        robot.clickOn("#stepForward").clickOn("#stepForward");
        frame(robot);
        assertThat(forgetGate().label()).isEqualTo("f_t");
        assertThat(equations().figure().equations().get(1).numeric()).startsWith("= σ(");
    }

    @Test
    void aBadClampIsRefusedBesideTheFieldAndChangesNothing(FxRobot robot) {
        frame(robot);
        robot.clickOn("#toggleControls");
        robot.clickOn("#stepForward");
        frame(robot);
        int built = tasksBuilt.get();
        TextField field = robot.lookup("#clamp").queryAs(TextField.class);
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write("z=1@1").type(KeyCode.ENTER);
        frame(robot);
        Label error = robot.lookup("#clamp-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("gate clamp z=1@1: LSTM has no gate z");
        assertThat(field.getStyleClass()).contains("invalid");
        assertThat(window.settings().settings()).isEqualTo(SETTINGS);
        assertThat(tasksBuilt.get()).isEqualTo(built);
        assertThat(text(robot, "#phase")).isEqualTo("Forward t=1/20");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo("none");
        assertThat(error.isVisible()).isFalse();
    }

    @Test
    void theFollowedUnitIsHeldFromTheShownTickAndAnRnnOffersNoMenu(FxRobot robot) {
        frame(robot);
        robot.clickOn("#toggleControls");
        robot.interact(() -> window.selection().select(2));
        robot.clickOn("#stepForward").clickOn("#stepForward").clickOn("#stepForward");
        frame(robot);
        rightClickGate(robot, "o");
        assertThat(robot.lookup(".context-menu").tryQuery()).as("the gate's menu is open").isPresent();
        robot.clickOn("Hold at 1 from t=3 (unit 3)");
        frame(robot);
        assertThat(robot.lookup("#clamp").queryAs(TextField.class).getText()).isEqualTo("o=1@3:u3");

        robot.clickOn("#cell-RNN");
        frame(robot);
        assertThat(window.settings().settings().clamp()).as("an RNN drops the clamp").isNull();
        robot.clickOn("#stepForward");
        frame(robot);
        assertThat(diagram().figure().figure().hits()).extracting(Hit::id).as("the RNN box").contains("gate-h");
        for (Hit hit : diagram().figure().figure().hits()) {
            rightClick(robot, hit);
            assertThat(robot.lookup("#gateClampMenu").tryQuery()).as("menu over %s", hit.id()).isEmpty();
            assertThat(robot.lookup(".context-menu").tryQuery()).as("menu over %s", hit.id()).isEmpty();
        }
    }

    private void rightClickGate(FxRobot robot, String gate) {
        rightClick(robot, diagram().figure().figure().hits().stream().filter(h -> h.id().equals("gate-" + gate))
                .findFirst().orElseThrow());
    }

    private void rightClick(FxRobot robot, Hit hit) {
        CellDiagramView diagram = diagram();
        Bounds b = diagram.node().localToScreen(diagram.node().getBoundsInLocal());
        robot.moveTo(new Point2D(b.getMinX() + hit.x() + hit.w() / 2, b.getMinY() + hit.y() + hit.h() / 2));
        robot.clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DiagramGate forgetGate() {
        return diagram().figure().gates().stream().filter(g -> g.name().equals("f")).findFirst().orElseThrow();
    }

    private CellDiagramView diagram() {
        return (CellDiagramView) window.views().view("cell-diagram");
    }

    private EquationsView equations() {
        return (EquationsView) window.views().view("equations");
    }
}

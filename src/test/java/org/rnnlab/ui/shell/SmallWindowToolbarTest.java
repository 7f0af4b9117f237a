package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnlab.lesson.Lessons;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * In small windows (and in wide ones with the lesson dock taking its share; the headless screen is
 * 1600 px wide) every toolbar control
 * is whole and inside the window: the toolbar breaks into a second row instead of cutting the
 * phase indicator to "Forward t=10..." or pushing the iteration off the edge; the views' titles
 * stay visible.
 */
class SmallWindowToolbarTest extends WindowFixture {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @ParameterizedTest(name = "{0}×{1}, lesson open: {2}")
    @CsvSource({"1024, 768, false", "1280, 720, false", "1600, 900, true", "1024, 768, true", "1600, 900, false"})
    void everyToolbarControlIsWholeAndInsideTheWindow(double width, double height, boolean lesson, FxRobot robot) {
        robot.interact(() -> {
            // resized while hidden: resizing a showing stage races Monocle's renderer (a BufferOverflowException
            // in its UploadingPainter at every pulse, and once a native heap corruption that aborted the JVM)
            stage.hide();
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        });
        if (lesson) {
            robot.interact(() -> window.lessonDock().open(Lessons.all().lessons().get(0)));
        }
        for (int i = 0; i < 10; i++) {
            robot.clickOn("#stepForward");
        }
        frame(robot);
        robot.interact(() -> {
            window.root().applyCss();
            window.root().layout();
        });
        double sceneWidth = stage.getScene().getWidth();
        assertThat(text(robot, "#phase")).startsWith("Forward t=10/");

        Parent bar = robot.lookup("#transportBar").queryAs(Parent.class);
        List<Node> placed = new ArrayList<>();
        for (Node n : bar.getChildrenUnmodifiable()) {
            if (n.isManaged() && n.isVisible() && n.getLayoutBounds().getWidth() > 0) {
                placed.add(n);
            }
        }
        assertThat(placed).extracting(Node::getId).contains("phase", "iteration", "stepForward", "toggleControls",
                "viewMenu");
        for (Node n : placed) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            assertThat(b.getMinX()).as("left edge of %s", n.getId()).isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMaxX()).as("right edge of %s", n.getId()).isLessThanOrEqualTo(sceneWidth + 0.5);
            if (n instanceof Labeled l && !l.getText().isEmpty() && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) {
                assertThat(shownText(l)).as("the words of %s", n.getId()).isEqualTo(l.getText());
            }
        }
        Region toolbar = (Region) bar;
        assertThat(toolbar.localToScene(toolbar.getLayoutBounds()).getMaxY())
                .as("the toolbar leaves room for the views").isLessThan(height / 3);
        for (Node title : robot.lookup(".view-title").queryAll()) {
            assertThat(onScreen(title)).as("the view title %s", ((Labeled) title).getText()).isTrue();
            assertThat(shownText((Labeled) title)).isEqualTo(((Labeled) title).getText());
        }
        if (lesson) {
            Node panel = robot.lookup("#lesson-panel").query();
            Bounds p = panel.localToScene(panel.getLayoutBounds());
            Bounds t = toolbar.localToScene(toolbar.getLayoutBounds());
            assertThat(p.getMinY() >= t.getMaxY() - 0.5 || p.getMinX() >= t.getMaxX() - 0.5)
                    .as("the lesson panel %s does not cover the toolbar %s", p, t).isTrue();
        }
    }

    private static boolean onScreen(Node n) {
        return n.getScene() != null && n.isVisible() && n.getParent() != null && n.getParent().isVisible()
                && n.getLayoutBounds().getHeight() > 0;
    }

    /** The text a label actually draws (ellipsised when it is cut). */
    private static String shownText(Labeled l) {
        return l.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(t -> ((Text) t).getText())
                .findFirst().orElse("");
    }
}

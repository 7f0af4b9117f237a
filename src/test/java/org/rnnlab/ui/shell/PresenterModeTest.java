package org.rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.ui.view.GateHeatmapView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window in front of a class: the light/dark theme and presenter mode change what is on
 * screen, and the keyboard help lists every key and every key does what it says.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest extends WindowFixture {

    @Start
    void start(Stage stage) {
        // the headless screen is 1600 px wide; 1080 px high gives the views their 1080p type
        startWindow(stage, 1600, 1080);
    }

    /** Visible, with every parent visible, and in the scene. */
    private static boolean onScreen(Node n) {
        return WindowFixture.visibleInScene(n);
    }

    private static Color background(Region r) {
        List<BackgroundFill> fills = r.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    // ---- theme and presenter mode ----

    @Test
    void theThemeKeyTurnsTheWholeWindowDarkAndBack(FxRobot robot) {
        frame(robot);
        Region bar = robot.lookup("#transportBar").queryAs(Region.class);
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertThat(window.root().getStyleClass()).contains("theme-light").doesNotContain("theme-dark");
        assertThat(background(bar)).isEqualTo(Color.WHITE);
        double lightText = ((Color) status.getTextFill()).getBrightness();
        GateHeatmapView heatmap = (GateHeatmapView) window.views().view("gate-heatmaps");

        robot.clickOn("#phase").type(KeyCode.T);
        robot.interact(() -> window.root().applyCss());
        assertThat(window.model().theme()).isEqualTo(Theme.DARK);
        assertThat(window.root().getStyleClass()).contains("theme-dark").doesNotContain("theme-light");
        // the toolbar, the status line and the views' palette all follow
        assertThat(background(bar)).isEqualTo(Color.web("#1d2025"));
        assertThat(((Color) status.getTextFill()).getBrightness()).isGreaterThan(0.75).isGreaterThan(lightText);
        assertThat(heatmap.style().palette().name()).isEqualTo("dark");
        assertThat(heatmap.style().palette().isDark()).isTrue();
        assertThat(robot.lookup("#viewMenu").queryAs(javafx.scene.control.MenuButton.class).getItems().get(0)).isInstanceOfSatisfying(
                javafx.scene.control.CheckMenuItem.class, c -> assertThat(c.isSelected()).isTrue());

        robot.type(KeyCode.T);
        robot.interact(() -> window.root().applyCss());
        assertThat(window.model().theme()).isEqualTo(Theme.LIGHT);
        assertThat(background(bar)).isEqualTo(Color.WHITE);
        assertThat(heatmap.style().palette().name()).isEqualTo("light");

        // the View menu's item does the same as the key
        robot.interact(() -> robot.lookup("#viewMenu").queryAs(javafx.scene.control.MenuButton.class).getItems().get(0).fire());
        assertThat(window.model().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void presenterModeHidesTheControlsAndKeepsThePhaseInLargeType(FxRobot robot) {
        frame(robot);
        robot.clickOn("#stepForward").clickOn("#stepForward");
        robot.clickOn("#toggleControls");
        frame(robot);
        assertThat(window.model().settingsShown()).isTrue();
        Node toolbar = robot.lookup("#transportBar").query();

        robot.type(KeyCode.P);
        frame(robot);
        robot.interact(() -> {
            window.root().applyCss();
            window.root().layout();
        });
        assertThat(window.model().presenter()).isTrue();
        assertThat(window.root().getStyleClass()).contains("presenter");
        // the chrome is gone: toolbar, settings, train N, status
        assertThat(onScreen(toolbar)).isFalse();
        assertThat(window.model().settingsShown()).isFalse();
        assertThat(onScreen(robot.lookup("#toggleControls").tryQuery().orElse(null))).isFalse();
        assertThat(onScreen(robot.lookup("#train").query())).isFalse();
        assertThat(onScreen(robot.lookup("#trainCount").query())).isFalse();
        assertThat(onScreen(robot.lookup("#status").query())).isFalse();
        // the phase indicator and the timeline stay, with a hint of the keys
        assertThat(onScreen(robot.lookup("#presenterPhase").query())).isTrue();
        assertThat(text(robot, "#presenterPhase")).isEqualTo(window.frameLoop().shown().phaseText())
                .isEqualTo("Forward t=2/20");
        assertThat(onScreen(robot.lookup("#scrubber").query())).isTrue();
        assertThat(text(robot, "#presenterHint")).contains("Space", "PgDn", "F1");
        // high-contrast palette and large type in the views, nothing on screen under 14 px
        assertThat(window.views().style().palette().name()).isEqualTo("presenter-light");
        assertThat(window.views().style().fontSize()).isEqualTo(WindowChrome.PRESENTER_FONT);
        List<String> small = new ArrayList<>();
        collectSmallText(window.root(), small);
        assertThat(small).isEmpty();

        // the keys still drive the run; the strip follows
        robot.type(KeyCode.RIGHT);
        frame(robot);
        assertThat(text(robot, "#presenterPhase")).isEqualTo("Forward t=3/20");

        // dark presenter: pure black behind the views
        robot.type(KeyCode.T);
        robot.interact(() -> window.root().applyCss());
        assertThat(window.views().style().palette().name()).isEqualTo("presenter-dark");
        assertThat(background(window.presenterStrip())).isEqualTo(Color.BLACK);

        // Escape brings the controls back
        robot.type(KeyCode.ESCAPE);
        frame(robot);
        assertThat(window.model().presenter()).isFalse();
        assertThat(onScreen(toolbar)).isTrue();
        assertThat(onScreen(robot.lookup("#status").query())).isTrue();
        assertThat(onScreen(robot.lookup("#train").query())).isTrue();
        assertThat(window.views().style().palette().name()).isEqualTo("dark");
        assertThat(window.views().style().fontSize()).isEqualTo(16.0);
    }

    /** Every text on screen under 14 px, as "text (size)". */
    private static void collectSmallText(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Text t && !t.getText().isBlank() && t.getFont().getSize() < 14 - 1e-9) {
            out.add(t.getText() + " (" + t.getFont().getSize() + ")");
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectSmallText(c, out);
            }
        }
    }

    // ---- keyboard help ----

    @Test
    void theKeyboardHelpListsEveryBindingAndEveryKeyDoesWhatItSays(FxRobot robot) {
        frame(robot);
        robot.clickOn("#phase").type(KeyCode.F1);
        KeyboardHelp help = window.keyboardHelp();
        assertThat(onScreen(help)).isTrue();
        assertThat(help.keysShown()).containsExactlyElementsOf(Shortcuts.BINDINGS.stream().map(Shortcuts.KeyBinding::keys).toList());
        assertThat(help.descriptionsShown())
                .containsExactlyElementsOf(Shortcuts.BINDINGS.stream().map(Shortcuts.KeyBinding::description).toList());
        assertThat(text(robot, "#help-keys-0")).isEqualTo("Space");

        // every action is listed in the help, and every key that does something does a listed action
        Set<KeyAction> listed = EnumSet.noneOf(KeyAction.class);
        Shortcuts.BINDINGS.forEach(b -> listed.addAll(b.actions()));
        assertThat(listed).containsExactlyInAnyOrder(KeyAction.values());
        Set<KeyAction> reached = EnumSet.noneOf(KeyAction.class);
        List<Shortcuts.Context> contexts = List.of(Shortcuts.Context.IDLE,
                new Shortcuts.Context(false, false, true, 4, false, false),
                new Shortcuts.Context(true, false, true, 4, true, false),
                new Shortcuts.Context(false, true, false, 0, false, false),
                new Shortcuts.Context(false, false, true, 3, true, true),
                new Shortcuts.Context(false, false, false, 0, false, true));
        for (Shortcuts.Context c : contexts) {
            for (KeyCode code : KeyCode.values()) {
                for (boolean shift : new boolean[] {false, true}) {
                    KeyAction a = Shortcuts.resolve(code, shift, "", c);
                    if (a != null) {
                        reached.add(a);
                        assertThat(listed).as(code + " in " + c).contains(a);
                        boolean documented = Shortcuts.BINDINGS.stream().anyMatch(b -> b.actions().contains(a)
                                && (b.keys().contains(code.getName()) || b.keys().contains(symbol(code))));
                        assertThat(documented).as("the help names the key " + code + " for " + a).isTrue();
                    }
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(KeyAction.values());
        // typing in a field leaves the keys to the field, except the help, full screen and the clicker
        Shortcuts.Context typing = new Shortcuts.Context(true, false, false, 0, false, false);
        assertThat(Shortcuts.resolve(KeyCode.SPACE, false, " ", typing)).isNull();
        assertThat(Shortcuts.resolve(KeyCode.T, false, "t", typing)).isNull();
        assertThat(Shortcuts.resolve(KeyCode.PAGE_DOWN, false, "", typing)).isEqualTo(KeyAction.STEP_FORWARD);
        assertThat(Shortcuts.resolve(KeyCode.F1, false, "", typing)).isEqualTo(KeyAction.TOGGLE_HELP);

        robot.type(KeyCode.ESCAPE);
        assertThat(onScreen(help)).isFalse();
        robot.type(KeyCode.SLASH); // without Shift: nothing
        assertThat(onScreen(help)).isFalse();
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT); // '?'
        assertThat(onScreen(help)).isTrue();
        robot.type(KeyCode.F1);
        assertThat(onScreen(help)).isFalse();
    }

    /** How the help writes keys whose names are symbols. */
    private static String symbol(KeyCode code) {
        return switch (code) {
            case RIGHT -> "→";
            case LEFT -> "←";
            case UP, DOWN -> "↑  ↓";
            case MINUS, SUBTRACT -> "−";
            case PLUS, ADD, EQUALS -> "+";
            case ESCAPE -> "Esc";
            case SLASH -> "?";
            case HELP -> "F1";
            case A, DIGIT1, NUMPAD1, B, DIGIT2, NUMPAD2, C, DIGIT3, NUMPAD3, D, DIGIT4, NUMPAD4 -> "A–D  or  1–4";
            default -> "\u0000";
        };
    }



}

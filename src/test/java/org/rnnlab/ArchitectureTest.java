package org.rnnlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * The package boundaries of DESIGN.md: only {@code ui} may use JavaFX, and each layer depends
 * only on the layers below it (engine ← task ← training ← io ← cli ← ui). Rules over packages
 * that have no classes yet are allowed to be empty, so they hold from the day the package lands.
 *
 * <p>The classes analysed are those of {@code org.rnnlab} in the main output directory, the
 * place {@link Main} was loaded from: the same set {@code packages = "org.rnnlab"} gives, found
 * without scanning every jar on the test classpath (JavaFX, TestFX, Jackson, ...) for the
 * package, which took 8.6 s against 3.3 s here. {@code archunit.properties} turns off importing the
 * classes the dependencies point to (the rules only need their names).
 */
@AnalyzeClasses(locations = ArchitectureTest.MainOutput.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The directory (or jar) holding the main classes. */
    static final class MainOutput implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            try {
                return Set.of(Location.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The rules are not vacuous: the import sees the engine and the ui's JavaFX dependencies. */
    @ArchTest
    static void theImportSeesTheMainClassesAndTheirJavaFxDependencies(JavaClasses classes) {
        assertThat(classes.contain("org.rnnlab.engine.RecurrentCell")).isTrue();
        assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.rnnlab")
                && c.getSimpleName().endsWith("Test"))).as("test classes are excluded").isFalse();
        ArchRule uiUsesJavaFx = noClasses().that().resideInAPackage("org.rnnlab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..");
        assertThat(uiUsesJavaFx.evaluate(classes).hasViolation()).isTrue();
    }

    @ArchTest
    static final ArchRule headlessPackagesDoNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("org.rnnlab.engine..", "org.rnnlab.task..", "org.rnnlab.training..",
                    "org.rnnlab.io..", "org.rnnlab.cli..", "org.rnnlab.lesson..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine, tasks, training, files, commands and the lesson player must run, be tested"
                    + " and be benchmarked without a display; only org.rnnlab.ui may touch JavaFX");

    @ArchTest
    static final ArchRule engineDependsOnNothingAboveIt = noClasses()
            .that().resideInAPackage("org.rnnlab.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rnnlab.task..", "org.rnnlab.training..",
                    "org.rnnlab.io..", "org.rnnlab.cli..", "org.rnnlab.ui..")
            .because("the engine is the bottom layer (EJML only): everything reads from it, it reads from nothing");

    @ArchTest
    static final ArchRule tasksDependOnlyOnTheEngine = noClasses()
            .that().resideInAPackage("org.rnnlab.task..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rnnlab.training..", "org.rnnlab.io..",
                    "org.rnnlab.cli..", "org.rnnlab.ui..")
            .because("tasks generate data for the engine and must not know who trains on it or shows it")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule trainingDependsOnlyOnEngineAndTasks = noClasses()
            .that().resideInAPackage("org.rnnlab.training..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rnnlab.io..", "org.rnnlab.cli..",
                    "org.rnnlab.ui..")
            .because("training runs on the engine thread for the window, the CLI and the tests alike;"
                    + " files and commands are built on it, not the other way round")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule ioDependsOnlyOnTheLayersBelow = noClasses()
            .that().resideInAPackage("org.rnnlab.io..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rnnlab.cli..", "org.rnnlab.ui..",
                    "org.rnnlab.lesson..")
            .because("files are read and written the same way by the window and the commands; lesson files"
                    + " are read through io's one strict JSON reader, so io must not know the lessons");

    @ArchTest
    static final ArchRule commandsDoNotReachIntoTheWindow = noClasses()
            .that().resideInAPackage("org.rnnlab.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.rnnlab.ui..")
            .because("headless commands must never touch the display");

    @ArchTest
    static final ArchRule lessonsDoNotReachIntoTheWindow = noClasses()
            .that().resideInAPackage("org.rnnlab.lesson..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rnnlab.cli..", "org.rnnlab.ui..")
            .because("a lesson plays through a LessonHost over the engine: the window's panel and compare mode"
                    + " are hosts above it, and the player is tested with fakes, without a stage");

    @ArchTest
    static final ArchRule chartsAreDrawingOnly = noClasses()
            .that().resideInAPackage("org.rnnlab.ui.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rnnlab.engine..", "org.rnnlab.task..",
                    "org.rnnlab.training..", "org.rnnlab.io..", "org.rnnlab.cli..", "org.rnnlab.lesson..",
                    "org.rnnlab.ui.model..", "org.rnnlab.ui.view..", "org.rnnlab.ui.controls..",
                    "org.rnnlab.ui.compare..", "org.rnnlab.ui.lesson..", "org.rnnlab.ui.shell..",
                    "org.rnnlab.ui.screenshots..")
            .because("the chart toolkit (painter, math text, ticks, log axis, colour scales, the log-line chart)"
                    + " draws what it is given, so every view and compare mode can share it");

    @ArchTest
    static final ArchRule figuresAreComputedWithoutJavaFx = noClasses()
            .that().resideInAPackage("org.rnnlab.ui.figure..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.rnnlab.io..", "org.rnnlab.cli..",
                    "org.rnnlab.ui.chart..", "org.rnnlab.ui.view..", "org.rnnlab.ui.controls..",
                    "org.rnnlab.ui.compare..", "org.rnnlab.ui.lesson..", "org.rnnlab.ui.shell..",
                    "org.rnnlab.ui.screenshots..")
            .because("what a view draws is computed from the snapshot alone (figure), then painted by a thin"
                    + " painter: figures are tested without a display, and views keep no run state");

    @ArchTest
    static final ArchRule viewsDoNotReachIntoTheModes = noClasses()
            .that().resideInAPackage("org.rnnlab.ui.view..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rnnlab.ui.controls..", "org.rnnlab.ui.compare..",
                    "org.rnnlab.ui.lesson..", "org.rnnlab.ui.shell..", "org.rnnlab.ui.screenshots..")
            .because("a view draws a snapshot with the chart toolkit; the window and compare mode place the same"
                    + " views, so a view must not know which one it is in");

    @ArchTest
    static final ArchRule controlsKnowOnlyTheirTransport = noClasses()
            .that().resideInAPackage("org.rnnlab.ui.controls..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rnnlab.ui.view..", "org.rnnlab.ui.compare..",
                    "org.rnnlab.ui.lesson..", "org.rnnlab.ui.shell..", "org.rnnlab.ui.screenshots..")
            .because("the transport and train bars drive a Transport that the window and compare mode both"
                    + " implement; they must not know which");

    @ArchTest
    static final ArchRule compareModeDoesNotReachIntoTheWindow = noClasses()
            .that().resideInAPackage("org.rnnlab.ui.compare..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rnnlab.ui.shell..", "org.rnnlab.ui.screenshots..")
            .because("the window opens compare mode, not the other way round: what both need lives in ui.controls,"
                    + " ui.chart and ui.view");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.rnnlab.(**)")
            .should().beFreeOfCycles()
            .because("each package must be understandable, testable and replaceable from the packages below it;"
                    + " a cycle (as ui.shell and ui.compare, task and task.speech had) makes two packages one");
}

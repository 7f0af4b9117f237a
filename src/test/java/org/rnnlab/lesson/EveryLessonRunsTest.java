package org.rnnlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.training.SimulationSettings;
import org.rnnlab.ui.model.AppTasks;

/**
 * Every lesson walked from its first step to its last on the real tasks: every action works (no
 * step leaves the previous task on screen because its settings were refused), and each step that
 * switches task shows that task.
 */
class EveryLessonRunsTest {
    static java.util.List<String> ids() {
        return Lessons.all().ids();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyStepRunsOnTheTaskItNames(String id) {
        SimulationHost host = new SimulationHost(AppTasks.factory());
        Lesson lesson = Lessons.all().find(id).orElseThrow();
        LessonPlayer p = new LessonPlayer(lesson, host);
        p.start();
        SimulationSettings expected = lesson.settings();
        while (true) {
            assertThat(p.hostError()).as("%s step %d", id, p.index() + 1).isNull();
            for (LessonAction a : lesson.step(p.index()).actions()) {
                if (a instanceof LessonAction.Reset r) {
                    expected = r.settings();
                }
            }
            if (host.inCompare()) {
                break;
            }
            assertThat(host.sim().snapshot(null, false).run().settings().taskId()).as("%s step %d", id, p.index() + 1)
                    .isEqualTo(expected.taskId());
            if (!p.advance()) {
                break;
            }
        }
    }
}

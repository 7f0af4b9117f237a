package org.rnnlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The long-use monitor's minute lines, from frame times given by hand. */
class UsageMonitorTest {

    @Test
    void oneLinePerMinuteWithTheLongestAndTheSlowFrames() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long[] iteration = {0};
        UsageMonitor m = new UsageMonitor(out, () -> iteration[0]);
        m.start();
        long t = 0;
        m.frame(t);
        // one minute at 60 fps with one 80 ms frame and one 300 ms frame
        for (int i = 1; i <= 3700 && m.minutes().isEmpty(); i++) {
            t += i == 100 ? 80_000_000L : i == 2000 ? 300_000_000L : 16_666_667L;
            iteration[0] = i;
            m.frame(t);
        }
        assertThat(m.minutes()).hasSize(1);
        assertThat(m.minutes().get(0)).startsWith("minute 1: ")
                .contains("longest 300.0 ms", "p99 16.7 ms", "2 over 50 ms", "1 over 250 ms");
        // the second minute starts afresh
        for (int i = 0; i < 3700 && m.minutes().size() < 2; i++) {
            t += 16_666_667L;
            m.frame(t);
        }
        assertThat(m.minutes().get(1)).startsWith("minute 2: ").contains("longest 16.7 ms", "0 over 50 ms");
        m.stop();
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertThat(all).contains("usage over 2 whole minutes: longest frame 300.0 ms, 2 frames over 50 ms, 1 over 250 ms")
                .contains("live heap after a full GC at exit");
    }
}

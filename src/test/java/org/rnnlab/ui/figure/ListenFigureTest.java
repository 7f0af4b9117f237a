package org.rnnlab.ui.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rnnlab.task.speech.PcmAudio;
import org.rnnlab.task.speech.RecordingId;
import org.rnnlab.training.SpokenPrediction;
import org.rnnlab.ui.chart.ColorScales;

/**
 * The Listen figure: samples land at their second and amplitude, the spectrogram's rows are mel
 * bands with the lowest at the bottom and its columns the frames on the same time axis, each tick
 * fed writes its digit and probability, the title names the true digit and the answer.
 */
class ListenFigureTest {
    private static final TextMetrics MONO = TextMetrics.monospace(0.55);
    private static final ColorScales P = ColorScales.light();
    private static final RecordingId THREE = new RecordingId(3, "theo", 0);

    /** 1 s at 8 kHz, silent but for a full-scale spike at 0.5 s and a half-scale dip at 0.25 s. */
    private static PcmAudio spikes() {
        short[] s = new short[8000];
        s[4000] = 16384;
        s[2000] = -8192;
        return new PcmAudio("spikes", 8000, s);
    }

    /** 50 frames × 4 bands: band 0 loud, band 3 quiet; 5 ticks fed, the answer moving from 1 to 3. */
    private static SpokenPrediction prediction(int ticks) {
        double[][] logMel = new double[50][4];
        for (int t = 0; t < 50; t++) {
            for (int j = 0; j < 4; j++) {
                logMel[t][j] = -2.0 * j;
            }
        }
        double[][] probs = new double[ticks][10];
        for (int t = 0; t < ticks; t++) {
            int d = t < 2 ? 1 : 3;
            double p = 0.30 + 0.1 * t;
            for (int k = 0; k < 10; k++) {
                probs[t][k] = k == d ? p : (1 - p) / 9;
            }
        }
        return new SpokenPrediction(THREE, spikes(), logMel, 0.02, 0, 4000, probs, 12);
    }

    @Test
    void samplesLandAtTheirSecondAndAmplitude() {
        ListenFigure fig = ListenFigure.of(prediction(50), 1200, 250, 16, MONO, P);
        ListenFigure.Axis ax = fig.axis();
        assertThat(ax.seconds()).isEqualTo(1.0);
        assertThat(ax.peak()).isEqualTo(0.5);
        Mark.Path wave = fig.figure().marks().stream().filter(m -> m instanceof Mark.Path).map(m -> (Mark.Path) m)
                .findFirst().orElseThrow();
        double top = ax.waveTop();
        double mid = top + ax.waveH() / 2;
        double bottom = top + ax.waveH();
        int highest = 0;
        int lowest = 0;
        for (int i = 0; i < wave.ys().length; i++) {
            if (wave.ys()[i] < wave.ys()[highest]) {
                highest = i;
            }
            if (wave.ys()[i] > wave.ys()[lowest]) {
                lowest = i;
            }
        }
        assertThat(wave.ys()[highest]).as("the peak at the row's top").isCloseTo(top, within(1e-9));
        assertThat(wave.xs()[highest]).as("0.5 s is half way").isCloseTo(ax.x(0.5), within(1.0));
        assertThat(wave.ys()[lowest]).as("−0.25 is half way down").isCloseTo((mid + bottom) / 2, within(1e-9));
        assertThat(wave.xs()[lowest]).isCloseTo(ax.x(0.25), within(1.0));
        long silent = java.util.stream.IntStream.range(0, wave.ys().length).filter(i -> wave.ys()[i] == mid).count();
        assertThat(silent).as("every other column is silence on the midline").isEqualTo(wave.ys().length - 2L * 1);
        assertThat(ax.x(0)).isEqualTo(ax.left());
        assertThat(ax.x(1)).isEqualTo(ax.right());
    }

    @Test
    void thePlayingCursorStandsAtItsSecondOverWaveformAndSpectrogram() {
        ListenFigure still = ListenFigure.of(prediction(50), 1200, 250, 16, MONO, P);
        ListenFigure playing = ListenFigure.of(prediction(50), 1200, 250, 16, MONO, P, 0.3);
        java.util.List<Mark> added = new java.util.ArrayList<>(playing.figure().marks());
        assertThat(added).hasSize(still.figure().marks().size() + 1);
        Mark.Line cursor = (Mark.Line) added.get(added.size() - 1);
        ListenFigure.Axis ax = playing.axis();
        assertThat(cursor.x0()).isEqualTo(ax.x(0.3)).isEqualTo(cursor.x1());
        assertThat(cursor.y0()).isEqualTo(ax.waveTop());
        assertThat(cursor.y1()).isEqualTo(ax.specTop() + ax.specH());
        assertThat(ListenFigure.of(prediction(50), 1200, 250, 16, MONO, P, 1.5).figure().marks())
                .as("past the end: no cursor").hasSameSizeAs(still.figure().marks());
    }

    @Test
    void theSpectrogramsLowestBandIsItsBottomRowAndItsFramesShareTheTimeAxis() {
        ListenFigure fig = ListenFigure.of(prediction(50), 1200, 250, 16, MONO, P);
        Mark.Raster r = fig.figure().marks().stream().filter(m -> m instanceof Mark.Raster).map(m -> (Mark.Raster) m)
                .findFirst().orElseThrow();
        assertThat(r.cols()).isEqualTo(50);
        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.argbAt(10, 3)).as("band 0, the loudest, at the bottom").isEqualTo(P.magnitudeArgb(1));
        assertThat(r.argbAt(10, 0)).as("band 3, 6 nats down, at the top").isEqualTo(P.magnitudeArgb(0));
        assertThat(r.argbAt(10, 2)).isEqualTo(P.magnitudeArgb(2.0 / 3));
        ListenFigure.Axis ax = fig.axis();
        assertThat(r.x()).isEqualTo(ax.x(0));
        assertThat(r.w() / 50).as("a frame of 20 ms wide").isCloseTo(ax.x(0.02) - ax.x(0), within(1e-9));
        assertThat(r.y()).isGreaterThan(ax.waveTop() + ax.waveH()).as("under the waveform");
        assertThat(fig.figure().texts()).contains("4000 Hz", "0 Hz", "waveform", "time (s)", "0.0", "0.5", "1.0");
    }

    @Test
    void everyTickFedWritesItsDigitAndProbabilityAndTheTitleNamesTheAnswer() {
        ListenFigure fig = ListenFigure.of(prediction(5), 1900, 250, 16, MONO, P);
        assertThat(fig.tickTexts()).containsExactly("1 30%", "1 40%", "3 50%", "3 60%", "3 70%");
        assertThat(fig.figure().texts()).contains("1", "3", "30%", "70%", "not fed (T = 5)");
        assertThat(fig.title()).isEqualTo("true digit 3  ·  the model says 3 (70%) after the last tick: right  ·  "
                + "recording 3_theo_0  ·  weights after 12 updates");
        Mark.Label last = fig.figure().labels().stream().filter(l -> l.text().equals("70%")).findFirst().orElseThrow();
        ListenFigure.Axis ax = fig.axis();
        assertThat(last.x()).as("under tick 5's frame").isCloseTo(ax.x(0.09), within(1e-9));

        ListenFigure narrow = ListenFigure.of(prediction(5), 1200, 250, 16, MONO, P);
        assertThat(narrow.figure().texts()).as("a column too narrow for the % sign").contains("30", "70")
                .doesNotContain("30%");
        ListenFigure wrong = ListenFigure.of(prediction(2), 1200, 250, 16, MONO, P);
        assertThat(wrong.title()).startsWith("true digit 3  ·  the model says 1 (40%) after the last tick: wrong");
    }
}

package org.rnnlab.task.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The features carry the digit: a bag-of-frames baseline (each recording's normalised frames
 * averaged over time, nearest class centroid of the training split by Euclidean distance) is far
 * above chance (0.1) on the test split. Order is thrown away here, so a recurrent network should
 * do much better; this only guards the pipeline against producing noise.
 */
class NearestCentroidBaselineTest {

    static double accuracy(SpokenDigits data) {
        int f = data.featureSize();
        double[][] centroid = new double[SpokenDigits.CLASSES][f];
        int[] count = new int[SpokenDigits.CLASSES];
        for (DigitRecording r : data.train()) {
            double[] m = timeAverage(data, r);
            for (int j = 0; j < f; j++) {
                centroid[r.digit()][j] += m[j];
            }
            count[r.digit()]++;
        }
        for (int c = 0; c < centroid.length; c++) {
            for (int j = 0; j < f; j++) {
                centroid[c][j] /= count[c];
            }
        }
        int correct = 0;
        for (DigitRecording r : data.test()) {
            double[] m = timeAverage(data, r);
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centroid.length; c++) {
                double dist = 0;
                for (int j = 0; j < f; j++) {
                    double e = m[j] - centroid[c][j];
                    dist += e * e;
                }
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = c;
                }
            }
            if (best == r.digit()) {
                correct++;
            }
        }
        return correct / (double) data.test().size();
    }

    private static double[] timeAverage(SpokenDigits data, DigitRecording r) {
        double[][] z = data.normalized(r);
        double[] m = new double[data.featureSize()];
        for (double[] frame : z) {
            for (int j = 0; j < m.length; j++) {
                m[j] += frame[j] / z.length;
            }
        }
        return m;
    }

    @Test
    void mfccCentroidsBeatChanceByFar() {
        double acc = accuracy(SpokenDigits.load(SpeechFeatures.MFCC));
        System.out.printf("nearest-centroid on time-averaged MFCC: test accuracy %.3f%n", acc);
        assertThat(acc).isGreaterThan(0.6);
    }

    @Test
    void logMelCentroidsBeatChance() {
        double acc = accuracy(SpokenDigits.load(SpeechFeatures.LOG_MEL));
        System.out.printf("nearest-centroid on time-averaged log-mel: test accuracy %.3f%n", acc);
        assertThat(acc).isGreaterThan(0.25);
    }
}

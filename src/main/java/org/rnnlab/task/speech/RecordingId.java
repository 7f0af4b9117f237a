package org.rnnlab.task.speech;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which FSDD recording: the spoken digit, the speaker and the take, as in the file name
 * {@code {digit}_{speaker}_{index}.wav}. The conventional split puts takes 0–4 in the test set.
 *
 * @param digit   0..9, the class label
 * @param speaker lower-case speaker name
 * @param index   take number, ≥ 0
 */
public record RecordingId(int digit, String speaker, int index) implements Comparable<RecordingId> {

    /** Takes with an index below this are the test set. */
    public static final int TEST_TAKES = 5;

    private static final Pattern NAME = Pattern.compile("([0-9])_([a-z]+)_([0-9]{1,4})(\\.wav)?");
    private static final Comparator<RecordingId> ORDER = Comparator.comparingInt(RecordingId::digit)
            .thenComparing(RecordingId::speaker).thenComparingInt(RecordingId::index);

    public RecordingId {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("digit must be in 0..9, was " + digit);
        }
        if (speaker == null || !speaker.matches("[a-z]+")) {
            throw new IllegalArgumentException("speaker must be a lower-case name, was " + speaker);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must be ≥ 0, was " + index);
        }
    }

    /** Parses {@code 7_jackson_32.wav} (or without {@code .wav}). */
    public static RecordingId parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("recording name must look like {digit}_{speaker}_{index}.wav, was \""
                    + fileName + "\"");
        }
        return new RecordingId(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)));
    }

    /** True for the conventional test split: index 0–4. */
    public boolean isTest() {
        return index < TEST_TAKES;
    }

    /** {@code digit_speaker_index}, the file name without {@code .wav}. */
    public String name() {
        return digit + "_" + speaker + "_" + index;
    }

    /** By digit, then speaker, then index. */
    @Override
    public int compareTo(RecordingId o) {
        return ORDER.compare(this, o);
    }
}

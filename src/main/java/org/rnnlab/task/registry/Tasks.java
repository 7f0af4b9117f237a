package org.rnnlab.task.registry;

import java.util.List;
import java.util.Locale;
import org.rnnlab.task.AddingTask;
import org.rnnlab.task.CopyTask;
import org.rnnlab.task.ForecastTask;
import org.rnnlab.task.IoPattern;
import org.rnnlab.task.ModelInputTask;
import org.rnnlab.task.NumbersTask;
import org.rnnlab.task.SentimentTask;
import org.rnnlab.task.SineTask;
import org.rnnlab.task.Task;
import org.rnnlab.task.TaskInfo;
import org.rnnlab.task.TaskOptions;
import org.rnnlab.task.TemporalOrderTask;
import org.rnnlab.task.TextTask;
import org.rnnlab.task.speech.SpeechTask;

/**
 * The task registry: every id the command line and the window accept, and how to build each. It
 * sits above {@code org.rnnlab.task} and {@code org.rnnlab.task.speech}, which know nothing of it.
 */
public final class Tasks {
    private static final List<TaskInfo> INFOS = List.of(
            new TaskInfo(AddingTask.ID, "Adding problem (Hochreiter & Schmidhuber 1997)", IoPattern.MANY_TO_ONE,
                    AddingTask.DEFAULT_LENGTH, List.of(), false),
            new TaskInfo(TemporalOrderTask.ID, "Temporal order (Hochreiter & Schmidhuber 1997)", IoPattern.MANY_TO_ONE,
                    TemporalOrderTask.DEFAULT_LENGTH, List.of(), false),
            new TaskInfo(CopyTask.ID, "Copy: recall a string after a delay", IoPattern.MANY_TO_MANY,
                    2 * CopyTask.STRING_LENGTH + CopyTask.DEFAULT_LAG + 1, List.of(), false, CopyTask.SUGGESTED),
            new TaskInfo(SineTask.ID, "Sum of sines: predict the next value", IoPattern.MANY_TO_MANY,
                    SineTask.DEFAULT_LENGTH, SineTask.VARIANTS, false),
            new TaskInfo(ForecastTask.AIRLINE, "Airline passengers 1949–1960 (Box & Jenkins)", IoPattern.MANY_TO_ONE,
                    ForecastTask.AIRLINE_DEFAULT_WINDOW, ForecastTask.VARIANTS, false),
            new TaskInfo(ForecastTask.CSV, "Your own series from a CSV file", IoPattern.MANY_TO_ONE,
                    ForecastTask.CSV_DEFAULT_WINDOW, ForecastTask.VARIANTS, true),
            new TaskInfo(SentimentTask.ID, "Sentiment of review sentences", IoPattern.MANY_TO_ONE,
                    SentimentTask.DEFAULT_LENGTH, SentimentTask.VARIANTS, false, SentimentTask.SUGGESTED),
            new TaskInfo(TextTask.ID, "Shakespeare, character by character", IoPattern.MANY_TO_MANY,
                    TextTask.DEFAULT_LENGTH, List.of(), false, TextTask.SUGGESTED),
            new TaskInfo(NumbersTask.ID, "Number words to digits (encoder-decoder)", IoPattern.ENCODER_DECODER,
                    NumbersTask.SOURCE_STEPS, List.of(), false, NumbersTask.SUGGESTED),
            new TaskInfo(SpeechTask.ID, "Spoken digits (Free Spoken Digit Dataset)", IoPattern.MANY_TO_ONE,
                    SpeechTask.DEFAULT_STEPS, List.of("logmel", "mfcc"), false, SpeechTask.SUGGESTED),
            new TaskInfo(ModelInputTask.ID, "Sequences for an opened model (File ▸ Open model…)", IoPattern.MANY_TO_ONE,
                    ModelInputTask.DEFAULT_LENGTH, List.of(), true));

    private static final List<String> IDS = INFOS.stream().map(TaskInfo::id).toList();

    private Tasks() {}

    /** Every task id, in menu order. */
    public static List<String> ids() {
        return IDS;
    }

    /** What every task is, in menu order. */
    public static List<TaskInfo> infos() {
        return INFOS;
    }

    public static TaskInfo info(String id) {
        return INFOS.get(indexOf(id));
    }

    /**
     * Builds task {@code id} (case-insensitive) with {@code options}. Unknown ids, variants and
     * out-of-range values are IllegalArgumentExceptions that name the parameter, its value and
     * what is accepted.
     */
    public static Task create(String id, TaskOptions options) {
        TaskOptions o = options == null ? TaskOptions.defaults() : options;
        String key = IDS.get(indexOf(id));
        if (!key.equals(ModelInputTask.ID) && !info(key).variants().contains(o.variant() == null ? "" : o.variant().toLowerCase(Locale.ROOT))
                && o.variant() != null) {
            List<String> v = info(key).variants();
            throw new IllegalArgumentException("variant '" + o.variant() + "' for " + key + " is not one of "
                    + (v.isEmpty() ? "(none: " + key + " has no variants)" : String.join(", ", v)));
        }
        return switch (key) {
            case AddingTask.ID -> new AddingTask(o);
            case TemporalOrderTask.ID -> new TemporalOrderTask(o);
            case CopyTask.ID -> new CopyTask(o);
            case SineTask.ID -> new SineTask(o);
            case ForecastTask.AIRLINE -> ForecastTask.airline(o);
            case ForecastTask.CSV -> ForecastTask.csv(o);
            case SentimentTask.ID -> new SentimentTask(o);
            case TextTask.ID -> new TextTask(o);
            case NumbersTask.ID -> new NumbersTask(o);
            case SpeechTask.ID -> SpeechTask.of(o);
            case ModelInputTask.ID -> new ModelInputTask(o);
            default -> throw new IllegalStateException("registered task '" + key + "' has no constructor");
        };
    }

    private static int indexOf(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        int i = IDS.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("task '" + id + "' is not one of " + String.join(", ", IDS));
        }
        return i;
    }
}

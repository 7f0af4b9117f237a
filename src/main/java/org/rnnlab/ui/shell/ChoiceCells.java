package org.rnnlab.ui.shell;

import java.util.function.Function;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/** Display-only converters and list cells for the window's choice boxes and combo boxes. */
final class ChoiceCells {
    private ChoiceCells() {}

    /** Shows each item as {@code f} names it (empty for null); never parses. */
    static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A list cell that shows its item through {@code c}. */
    static <T> ListCell<T> cell(StringConverter<T> c) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : c.toString(item));
            }
        };
    }
}

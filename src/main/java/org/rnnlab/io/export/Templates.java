package org.rnnlab.io.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The scripts' text: a resource beside this class with {@code @NAME@} placeholders filled in. */
final class Templates {
    private Templates() {}

    static String fill(String resource, Map<String, String> values) {
        String text;
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("@" + e.getKey() + "@", e.getValue());
        }
        if (text.matches("(?s).*@[A-Z_]+@.*")) {
            throw new IllegalStateException(resource + ": a placeholder is left unfilled");
        }
        return text;
    }

    /** Text safe inside a Python docstring: letters, digits, spaces and {@code ( ) , . = _ -} only. */
    static String plain(String s) {
        return s.replaceAll("[^A-Za-z0-9 (),.=_-]", "?");
    }
}

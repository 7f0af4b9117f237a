package org.rnnlab.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import org.rnnlab.io.FormatException;

/**
 * Where the window's file work runs and how its failures read. Files are read, encoded and
 * written on one "rnnlab-files" thread (never the FX thread, never the engine thread unless the
 * work reads the model's buffers), one job after another. A failure becomes a
 * {@link RefusedFileException} whose message names the file.
 */
final class FileWork {
    private static final ThreadPoolExecutor IO = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "rnnlab-files");
                t.setDaemon(true);
                return t;
            });

    static {
        IO.allowCoreThreadTimeOut(true);
    }

    private FileWork() {}

    /** The file thread. */
    static Executor io() {
        return IO;
    }

    /** The FX thread. */
    static Executor fx() {
        return Platform::runLater;
    }

    /** Work that may throw an IOException or a FormatException. */
    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException, FormatException;
    }

    /** Runs {@code work} on the file thread. */
    static <T> CompletableFuture<T> onIo(IoSupplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FormatException e) {
                throw new RefusedFileException(e.getMessage());
            }
        }, IO);
    }

    /** Runs {@code work} on the FX thread and waits for it (from another thread). */
    static <T> T onFxAndWait(java.util.concurrent.Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return join(f);
    }

    /** Waits for a future from a worker thread, rethrowing its failure unwrapped. */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }

    /** The failure of a future, unwrapped from CompletionException. */
    static Throwable cause(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A future whose failure is a {@link RefusedFileException} naming {@code file}. */
    static <T> CompletableFuture<T> named(CompletableFuture<T> f, Path file, String doing) {
        return f.handle((v, t) -> {
            if (t == null) {
                return v;
            }
            throw refusal(t, file, doing);
        });
    }

    /** A one-line refusal naming the file, from any failure. */
    static RefusedFileException refusal(Throwable t, Path file, String doing) {
        Throwable c = cause(t);
        if (c instanceof RefusedFileException r) {
            return r;
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (c instanceof UncheckedIOException u) {
            c = u.getCause();
        }
        String why = c.getMessage() == null ? c.toString() : c.getMessage();
        if (c instanceof java.nio.file.AccessDeniedException) {
            why = "permission denied";
        } else if (c instanceof java.nio.file.NoSuchFileException) {
            why = "no such file or folder";
        } else if (c instanceof IOException) {
            why = c.getClass().getSimpleName() + ": " + why;
        }
        return new RefusedFileException(org.rnnlab.io.Messages.oneLine(doing == null ? name + ": " + why
                : "cannot " + doing + " " + name + ": " + why));
    }

    static <T, R> Function<T, R> unchecked(IoFunction<T, R> f) {
        return t -> {
            try {
                return f.apply(t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @FunctionalInterface
    interface IoFunction<T, R> {
        R apply(T t) throws IOException;
    }
}

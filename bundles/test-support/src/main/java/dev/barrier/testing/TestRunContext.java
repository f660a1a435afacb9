package dev.barrier.testing;

import dev.barrier.api.runtime.Progress;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.api.runtime.RunLog;
import dev.barrier.api.torch.TorchRuntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.helpers.MessageFormatter;

/**
 * A run context for unit tests: folders under a given directory, a log that keeps its lines (and prints them),
 * progress that counts steps, cancellation on request, and no tensor engine service (code under test uses
 * DJL's default engine). It trains models without a cache.
 */
public final class TestRunContext implements RunContext {

    private final Path folder;
    private final long seed;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> progressLabels = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    /** Creates a context whose run folder is {@code folder}; {@code artifacts} and {@code cache} are made in it. */
    public TestRunContext(Path folder, long seed) {
        this.folder = folder;
        this.seed = seed;
        try {
            Files.createDirectories(folder.resolve("artifacts"));
            Files.createDirectories(folder.resolve("cache"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns every log line so far, each starting with {@code INFO} or {@code WARN}. */
    public List<String> logLines() {
        return List.copyOf(lines);
    }

    /** Returns the labels of the progress tasks started so far. */
    public List<String> progressLabels() {
        return List.copyOf(progressLabels);
    }

    /** Makes the next {@link #checkCancelled()} throw. */
    public void cancel() {
        cancelled = true;
    }

    @Override
    public String runId() {
        return "test-run";
    }

    @Override
    public Path runFolder() {
        return folder;
    }

    @Override
    public Path artifactsFolder() {
        return folder.resolve("artifacts");
    }

    @Override
    public Path cacheFolder() {
        return folder.resolve("cache");
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public TorchRuntime torch() {
        return null;
    }

    @Override
    public RunLog log() {
        return new RunLog() {
            @Override
            public void info(String format, Object... arguments) {
                add("INFO", format, arguments);
            }

            @Override
            public void warn(String format, Object... arguments) {
                add("WARN", format, arguments);
            }
        };
    }

    private void add(String level, String format, Object[] arguments) {
        String line = level + " " + MessageFormatter.arrayFormat(format, arguments).getMessage();
        lines.add(line);
        System.out.println(line);
    }

    @Override
    public Progress progress() {
        return (label, total, unit) -> {
            progressLabels.add(label);
            return new ProgressTask() {
                @Override
                public void step(long amount) {
                    // Counting is enough for tests.
                }

                @Override
                public void status(String text) {
                    // Not shown in tests.
                }

                @Override
                public void close() {
                    // Nothing to release.
                }
            };
        };
    }

    @Override
    public void checkCancelled() {
        if (cancelled) {
            throw new CancellationException("test run cancelled");
        }
    }
}

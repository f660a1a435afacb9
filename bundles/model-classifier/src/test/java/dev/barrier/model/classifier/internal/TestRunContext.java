package dev.barrier.model.classifier.internal;

import dev.barrier.api.runtime.Progress;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.api.runtime.RunLog;
import dev.barrier.api.torch.TorchRuntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * A run context for unit tests: folders under a temporary directory, a log that prints to standard output,
 * progress tasks that are recorded, and cancellation after a chosen number of checks. There is no tensor
 * engine service; the code under test uses DJL's default engine.
 */
final class TestRunContext implements RunContext {

    /** One recorded progress task. */
    static final class Task implements ProgressTask {
        final String label;
        final long total;
        final String unit;
        final long startNanos = System.nanoTime();
        long steps;
        String status = "";
        boolean closed;
        private final Consumer<Task> onClose;

        Task(String label, long total, String unit, Consumer<Task> onClose) {
            this.label = label;
            this.total = total;
            this.unit = unit;
            this.onClose = onClose;
        }

        @Override
        public void step(long amount) {
            steps += amount;
        }

        @Override
        public void status(String text) {
            status = text;
        }

        @Override
        public void close() {
            closed = true;
            onClose.accept(this);
        }
    }

    private final Path folder;
    private final List<Task> tasks = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long cancelAfterChecks = Long.MAX_VALUE;
    private long checks;
    private Consumer<Task> onTaskClose = task -> { };

    TestRunContext(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder.resolve("artifacts"));
            Files.createDirectories(folder.resolve("cache"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@link #checkCancelled()} throw from its {@code checks + 1}-th call on. */
    TestRunContext cancelAfter(long allowedChecks) {
        this.cancelAfterChecks = allowedChecks;
        return this;
    }

    /** Runs {@code action} whenever a progress task closes. */
    TestRunContext onTaskClose(Consumer<Task> action) {
        this.onTaskClose = action;
        return this;
    }

    /** Returns the progress tasks started so far, in order. */
    List<Task> tasks() {
        return tasks;
    }

    /** Returns the warnings logged so far, formatted. */
    List<String> warnings() {
        return warnings;
    }

    @Override
    public String runId() {
        return "test";
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
        return 0;
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
                System.out.println("INFO " + format(format, arguments));
            }

            @Override
            public void warn(String format, Object... arguments) {
                String message = format(format, arguments);
                warnings.add(message);
                System.out.println("WARN " + message);
            }
        };
    }

    @Override
    public Progress progress() {
        return (label, total, unit) -> {
            Task task = new Task(label, total, unit, onTaskClose);
            tasks.add(task);
            return task;
        };
    }

    @Override
    public void checkCancelled() {
        checks++;
        if (checks > cancelAfterChecks) {
            throw new CancellationException("cancelled by the test after " + cancelAfterChecks + " checks");
        }
    }

    /** Replaces each {@code {}} with the next argument, as SLF4J does. */
    static String format(String format, Object... arguments) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int argument = 0;
        int at;
        while ((at = format.indexOf("{}", from)) >= 0 && argument < arguments.length) {
            out.append(format, from, at).append(arguments[argument++]);
            from = at + 2;
        }
        return out.append(format.substring(from)).toString();
    }
}

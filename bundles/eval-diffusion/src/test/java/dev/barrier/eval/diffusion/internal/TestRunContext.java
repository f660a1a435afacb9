package dev.barrier.eval.diffusion.internal;

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

/**
 * A run context for unit tests: folders under a temporary directory, a log that records its messages,
 * progress tasks that are recorded, and no tensor engine service (the code under test uses DJL's default
 * engine).
 */
final class TestRunContext implements RunContext {

    /** One recorded progress task. */
    static final class Task implements ProgressTask {
        final String label;
        final long total;
        long steps;
        String status = "";
        boolean closed;

        Task(String label, long total) {
            this.label = label;
            this.total = total;
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
        }
    }

    final List<Task> tasks = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<String> trainedModels = new ArrayList<>();
    private final Path folder;

    TestRunContext(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder.resolve("artifacts"));
            Files.createDirectories(folder.resolve("cache"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return 42;
    }

    @Override
    public TorchRuntime torch() {
        throw new UnsupportedOperationException("unit tests use DJL's default engine directly");
    }

    @Override
    public RunLog log() {
        return new RunLog() {
            @Override
            public void info(String format, Object... arguments) {
                messages.add("INFO " + fill(format, arguments));
            }

            @Override
            public void warn(String format, Object... arguments) {
                messages.add("WARN " + fill(format, arguments));
            }
        };
    }

    private static String fill(String format, Object... arguments) {
        StringBuilder out = new StringBuilder();
        int argument = 0;
        int at = 0;
        int next;
        while ((next = format.indexOf("{}", at)) >= 0) {
            out.append(format, at, next);
            out.append(argument < arguments.length ? String.valueOf(arguments[argument++]) : "{}");
            at = next + 2;
        }
        return out.append(format.substring(at)).toString();
    }

    @Override
    public Progress progress() {
        return (label, total, unit) -> {
            Task task = new Task(label, total);
            tasks.add(task);
            return task;
        };
    }

    @Override
    public void checkCancelled() {
    }

    @Override
    public dev.barrier.api.model.NetworkModel trainedModel(dev.barrier.api.model.ModelAdapter adapter,
            dev.barrier.api.data.Subset data, String purpose) {
        trainedModels.add(adapter.architecture() + " on " + data.size() + " images for " + purpose);
        return RunContext.super.trainedModel(adapter, data, purpose);
    }
}

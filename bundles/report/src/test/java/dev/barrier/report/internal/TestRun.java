package dev.barrier.report.internal;

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

/** A run folder for unit tests, with an {@code artifacts} folder inside and a log that records its lines. */
final class TestRun implements RunContext {

    final List<String> log = new ArrayList<>();
    private final Path folder;
    private final Path artifacts;

    TestRun(Path folder) {
        this.folder = folder;
        this.artifacts = folder.resolve("artifacts");
        try {
            Files.createDirectories(artifacts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String runId() {
        return "20260301-140509-demo";
    }

    @Override
    public Path runFolder() {
        return folder;
    }

    @Override
    public Path artifactsFolder() {
        return artifacts;
    }

    @Override
    public Path cacheFolder() {
        return folder;
    }

    @Override
    public long seed() {
        return 42;
    }

    @Override
    public TorchRuntime torch() {
        throw new UnsupportedOperationException("reporters need no tensor engine");
    }

    @Override
    public RunLog log() {
        return new RunLog() {
            @Override
            public void info(String format, Object... arguments) {
                log.add("INFO " + fill(format, arguments));
            }

            @Override
            public void warn(String format, Object... arguments) {
                log.add("WARN " + fill(format, arguments));
            }
        };
    }

    private static String fill(String format, Object... arguments) {
        String text = format;
        for (Object argument : arguments) {
            text = text.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(String.valueOf(argument)));
        }
        return text;
    }

    @Override
    public Progress progress() {
        return (label, total, unit) -> new ProgressTask() {
            @Override
            public void step(long amount) {
            }

            @Override
            public void status(String text) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void checkCancelled() {
    }
}

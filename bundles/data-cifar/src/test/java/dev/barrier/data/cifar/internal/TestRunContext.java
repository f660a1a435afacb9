package dev.barrier.data.cifar.internal;

import dev.barrier.api.runtime.Progress;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.api.runtime.RunLog;
import dev.barrier.api.torch.TorchRuntime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A run context for unit tests: folders under a temporary folder, a log kept in lists, no tensor engine. */
final class TestRunContext implements RunContext {

    private final Path folder;
    private final List<String> infos = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    TestRunContext(Path folder) {
        this.folder = folder;
    }

    /** Returns the info lines logged so far, placeholders filled in. */
    List<String> infos() {
        return infos;
    }

    /** Returns the warnings logged so far, placeholders filled in. */
    List<String> warnings() {
        return warnings;
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
        return folder;
    }

    @Override
    public Path cacheFolder() {
        return folder;
    }

    @Override
    public long seed() {
        return 1;
    }

    @Override
    public TorchRuntime torch() {
        throw new IllegalStateException("unit tests of dataset providers run without a tensor engine");
    }

    @Override
    public RunLog log() {
        return new RunLog() {
            @Override
            public void info(String format, Object... arguments) {
                infos.add(format(format, arguments));
            }

            @Override
            public void warn(String format, Object... arguments) {
                warnings.add(format(format, arguments));
            }
        };
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

    private static String format(String format, Object... arguments) {
        StringBuilder out = new StringBuilder();
        int argument = 0;
        int from = 0;
        int at;
        while ((at = format.indexOf("{}", from)) >= 0) {
            out.append(format, from, at).append(argument < arguments.length ? arguments[argument++] : "{}");
            from = at + 2;
        }
        return out.append(format.substring(from)).toString();
    }
}

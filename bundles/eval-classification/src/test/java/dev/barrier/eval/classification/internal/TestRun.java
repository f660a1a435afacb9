package dev.barrier.eval.classification.internal;

import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.eval.EvaluationContext;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.runtime.Progress;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.api.runtime.RunLog;
import dev.barrier.api.torch.TorchRuntime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run for unit tests: folders under a temporary directory, a log and a progress display that record what
 * they are given, and no tensor engine service (evaluators allocate through the model's manager).
 */
final class TestRun implements RunContext {

    /** A progress task as recorded: its label, expected total and the units stepped. */
    static final class Task implements ProgressTask {
        final String label;
        final long total;
        long stepped;
        boolean closed;

        Task(String label, long total) {
            this.label = label;
            this.total = total;
        }

        @Override
        public void step(long amount) {
            stepped += amount;
        }

        @Override
        public void status(String text) {
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final List<Task> tasks = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    private final Path folder;

    TestRun(Path folder) {
        this.folder = folder;
    }

    /** Returns an evaluation context over {@code split} with this run. */
    EvaluationContext evaluation(ForgetSplit split, NetworkModel original) {
        return new EvaluationContext() {
            @Override
            public RunContext run() {
                return TestRun.this;
            }

            @Override
            public ModelAdapter adapter() {
                throw new UnsupportedOperationException("the classification evaluators need no model adapter");
            }

            @Override
            public ForgetSplit split() {
                return split;
            }

            @Override
            public NetworkModel original() {
                return original;
            }
        };
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
        return 42;
    }

    @Override
    public TorchRuntime torch() {
        throw new UnsupportedOperationException("unit tests create tensors through the model's manager");
    }

    @Override
    public RunLog log() {
        return new RunLog() {
            @Override
            public void info(String format, Object... arguments) {
                messages.add("INFO " + format);
            }

            @Override
            public void warn(String format, Object... arguments) {
                messages.add("WARN " + format);
            }
        };
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
}

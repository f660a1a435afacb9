package dev.barrier.testing;

import dev.barrier.api.runtime.Progress;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A progress display for unit tests that records every task started, in order, as a {@link RecordedTask}. */
public final class RecordedProgress implements Progress {

    private final List<RecordedTask> tasks = new CopyOnWriteArrayList<>();
    private volatile Consumer<RecordedTask> onClose = task -> { };

    @Override
    public RecordedTask start(String label, long total, String unit) {
        RecordedTask task = new RecordedTask(label, total, unit, closed -> onClose.accept(closed));
        tasks.add(task);
        return task;
    }

    /** Returns the tasks started so far, in the order they were started. */
    public List<RecordedTask> tasks() {
        return List.copyOf(tasks);
    }

    /** Returns the labels of the tasks started so far, in the order they were started. */
    public List<String> labels() {
        return tasks.stream().map(RecordedTask::label).toList();
    }

    /** Runs {@code action} whenever a task closes from now on. It replaces any earlier action. */
    public void onClose(Consumer<RecordedTask> action) {
        this.onClose = action;
    }
}

package dev.barrier.testing;

import dev.barrier.api.runtime.ProgressTask;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A progress task as {@link RecordedProgress} recorded it: what it was started with, the units stepped, the last
 * status and whether it was closed.
 */
public final class RecordedTask implements ProgressTask {

    private final String label;
    private final long total;
    private final String unit;
    private final long startNanos = System.nanoTime();
    private final AtomicLong steps = new AtomicLong();
    private final Consumer<RecordedTask> onClose;
    private volatile String status = "";
    private volatile boolean closed;

    RecordedTask(String label, long total, String unit, Consumer<RecordedTask> onClose) {
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.onClose = onClose;
    }

    @Override
    public void step(long amount) {
        steps.addAndGet(amount);
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

    /** Returns the label the task was started with. */
    public String label() {
        return label;
    }

    /** Returns the number of units the task was started with, 0 when the code under test gave no total. */
    public long total() {
        return total;
    }

    /** Returns the unit counted, such as {@code batches}. */
    public String unit() {
        return unit;
    }

    /** Returns the value of {@link System#nanoTime()} when the task started. */
    public long startNanos() {
        return startNanos;
    }

    /** Returns the sum of all amounts stepped so far. */
    public long steps() {
        return steps.get();
    }

    /** Returns the last status text set, or the empty string when none was set. */
    public String status() {
        return status;
    }

    /** Returns whether the task was closed. */
    public boolean closed() {
        return closed;
    }

    @Override
    public String toString() {
        return label + " (" + steps() + "/" + total + " " + unit + (closed ? ", closed" : "") + ")";
    }
}

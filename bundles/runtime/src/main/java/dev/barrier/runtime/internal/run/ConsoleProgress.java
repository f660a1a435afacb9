package dev.barrier.runtime.internal.run;

import dev.barrier.api.runtime.Progress;
import dev.barrier.api.runtime.ProgressTask;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Shows progress on a console. With {@code bar} style (a terminal) the innermost task is drawn as one line
 * that is redrawn in place, with rate and time left; with {@code lines} style (a file or pipe) a task prints
 * a plain line when it starts, about every 25% or 30 seconds, and when it ends. Log lines printed meanwhile
 * clear the bar first. Thread-safe.
 */
final class ConsoleProgress implements Progress {

    /** How progress is drawn. */
    enum Style {
        /** A bar redrawn in place; for terminals. */
        BAR,
        /** Occasional plain lines; for files and pipes. */
        LINES
    }

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LINE_NANOS = 30_000_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final Style style;
    private final Deque<Task> active = new ArrayDeque<>();
    private int drawnWidth;

    ConsoleProgress(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
    }

    /** Returns the style chosen by the {@code barrier.progress} system property ({@code bar} or {@code lines}). */
    static Style defaultStyle() {
        return "bar".equalsIgnoreCase(System.getProperty("barrier.progress", "lines")) ? Style.BAR : Style.LINES;
    }

    PrintStream stream() {
        return out;
    }

    @Override
    public ProgressTask start(String label, long total, String unit) {
        Task task = new Task(label, Math.max(0, total), unit);
        synchronized (this) {
            active.push(task);
            if (style == Style.LINES) {
                printLine(label + (total > 0 ? " (" + total + " " + unit + ")" : "") + " ...");
            } else {
                draw(task, true);
            }
        }
        return task;
    }

    /** Prints a line, keeping any bar below it. */
    synchronized void printLine(String line) {
        clearBar();
        out.println(line);
        out.flush();
        Task top = active.peek();
        if (style == Style.BAR && top != null) {
            draw(top, true);
        }
    }

    private void clearBar() {
        if (drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }

    private void draw(Task task, boolean force) {
        long now = System.nanoTime();
        if (!force && now - task.lastDraw < REDRAW_NANOS) {
            return;
        }
        task.lastDraw = now;
        StringBuilder line = new StringBuilder(task.label).append("  ");
        if (task.total > 0) {
            double fraction = Math.min(1, (double) task.done / task.total);
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            line.append('[').append("=".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", Math.round(fraction * 100)))
                    .append(task.done).append('/').append(task.total).append(' ').append(task.unit);
        } else {
            line.append(task.done).append(' ').append(task.unit);
        }
        line.append("  ").append(task.rateAndEta());
        if (!task.status.isEmpty()) {
            line.append("  ").append(task.status);
        }
        String text = line.toString();
        out.print("\r" + text + (drawnWidth > text.length() ? " ".repeat(drawnWidth - text.length()) : ""));
        out.flush();
        drawnWidth = Math.max(text.length(), drawnWidth);
    }

    private synchronized void advanced(Task task) {
        if (active.peek() != task) {
            return;
        }
        if (style == Style.BAR) {
            draw(task, false);
            return;
        }
        long now = System.nanoTime();
        int quarter = task.total > 0 ? (int) (4 * task.done / task.total) : 0;
        if (quarter > task.lastQuarter && task.done < task.total || now - task.lastLine > LINE_NANOS) {
            task.lastQuarter = Math.max(quarter, task.lastQuarter);
            task.lastLine = now;
            printLine("  " + task.label + ": " + task.summary());
        }
    }

    private synchronized void finished(Task task) {
        active.remove(task);
        // A task closed before its total (a cancelled run, a diverged method) stopped rather than finished.
        String outcome = task.total > 0 && task.done < task.total ? " stopped: " : " done: ";
        if (style == Style.BAR) {
            clearBar();
            out.println(task.label + " " + outcome + task.summary());
            out.flush();
            Task top = active.peek();
            if (top != null) {
                draw(top, true);
            }
        } else {
            printLine(task.label + outcome + task.summary());
        }
    }

    /** One task on the display. */
    private final class Task implements ProgressTask {
        final String label;
        final long total;
        final String unit;
        final long started = System.nanoTime();
        long done;
        String status = "";
        long lastDraw;
        long lastLine = System.nanoTime();
        int lastQuarter;
        boolean closed;

        Task(String label, long total, String unit) {
            this.label = label;
            this.total = total;
            this.unit = unit;
        }

        @Override
        public void step(long amount) {
            synchronized (ConsoleProgress.this) {
                done += amount;
            }
            advanced(this);
        }

        @Override
        public void status(String text) {
            synchronized (ConsoleProgress.this) {
                status = text == null ? "" : text;
            }
        }

        @Override
        public void close() {
            synchronized (ConsoleProgress.this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            finished(this);
        }

        String rateAndEta() {
            double seconds = (System.nanoTime() - started) / 1e9;
            if (seconds < 0.05 || done == 0) {
                return "";
            }
            double rate = done / seconds;
            String text = String.format(Locale.ROOT, "%.1f %s/s", rate, unit);
            if (total > 0 && done < total) {
                text += "  " + duration((total - done) / rate) + " left";
            }
            return text;
        }

        String summary() {
            double seconds = (System.nanoTime() - started) / 1e9;
            StringBuilder text = new StringBuilder();
            if (total > 0) {
                text.append(String.format(Locale.ROOT, "%d%% (%d/%d %s", Math.round(100.0 * done / total), done,
                        total, unit));
            } else {
                text.append('(').append(done).append(' ').append(unit);
            }
            text.append(", ").append(duration(seconds));
            String rate = rateAndEta();
            if (!rate.isEmpty()) {
                text.append(", ").append(rate);
            }
            text.append(')');
            if (!status.isEmpty()) {
                text.append(' ').append(status);
            }
            return text.toString();
        }
    }

    /** Formats seconds as {@code m:ss} or {@code h:mm:ss}. */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

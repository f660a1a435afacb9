package dev.barrier.testing;

import dev.barrier.api.runtime.RunLog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.helpers.MessageFormatter;

/**
 * A run log for unit tests that keeps every message, with the {@code {}} placeholders filled in by SLF4J's
 * {@link MessageFormatter} as the runtime's log does, and prints each line to standard output. It is safe to use
 * from several threads.
 */
public final class RecordedLog implements RunLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> infos = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void info(String format, Object... arguments) {
        String message = format(format, arguments);
        infos.add(message);
        add("INFO " + message);
    }

    @Override
    public void warn(String format, Object... arguments) {
        String message = format(format, arguments);
        warnings.add(message);
        add("WARN " + message);
    }

    /** Returns every message so far in logging order, each prefixed by its level: {@code INFO } or {@code WARN }. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Returns the messages logged with {@link #info} so far, without a level prefix. */
    public List<String> infos() {
        return List.copyOf(infos);
    }

    /** Returns the messages logged with {@link #warn} so far, without a level prefix. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void add(String line) {
        lines.add(line);
        System.out.println(line);
    }

    private static String format(String format, Object[] arguments) {
        return MessageFormatter.arrayFormat(format, arguments).getMessage();
    }
}

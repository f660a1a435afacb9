package dev.barrier.runtime.internal.run;

import dev.barrier.api.runtime.RunLog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.slf4j.helpers.MessageFormatter;

/**
 * Writes a run's log: every line goes to {@code run.log} with a timestamp, and to the console. Thread-safe.
 */
final class RunLogImpl implements RunLog, AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final BufferedWriter file;
    private final ConsoleProgress console;

    RunLogImpl(Path logFile, ConsoleProgress console) throws IOException {
        this.file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.console = console;
    }

    @Override
    public void info(String format, Object... arguments) {
        write("INFO", format, arguments);
    }

    @Override
    public void warn(String format, Object... arguments) {
        write("WARN", format, arguments);
    }

    /** Logs an error with its stack trace in the file and its message on the console. */
    void error(String message, Throwable error) {
        write("ERROR", "{}", new Object[] {message});
        synchronized (this) {
            try {
                java.io.StringWriter trace = new java.io.StringWriter();
                error.printStackTrace(new java.io.PrintWriter(trace));
                file.write(trace.toString());
                file.flush();
            } catch (IOException e) {
                console.printLine("(cannot write the run log: " + e.getMessage() + ")");
            }
        }
    }

    private void write(String level, String format, Object[] arguments) {
        String message = MessageFormatter.arrayFormat(format, arguments).getMessage();
        String line = LocalTime.now().format(TIME) + " " + level + " " + message;
        synchronized (this) {
            try {
                file.write(line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                console.printLine("(cannot write the run log: " + e.getMessage() + ")");
            }
        }
        console.printLine(level.equals("INFO") ? message : level + ": " + message);
    }

    /** Returns the console, for callers that print without logging. */
    PrintStream consoleStream() {
        return console.stream();
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}

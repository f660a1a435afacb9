package dev.barrier.itests.platform;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/**
 * A Gogo shell session whose output goes to a buffer. Commands run in the calling thread, and Gogo routes
 * that thread's {@code System.out} to the session while a command runs, so what commands print is captured
 * as well. The session is created with its own streams, never with {@code System.out}, which Gogo has
 * already replaced (a session writing to the replacement would write to itself).
 */
final class GogoSession implements AutoCloseable {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CommandSession session;

    GogoSession(CommandProcessor processor) {
        this.session = processor.createSession(InputStream.nullInputStream(), output, output);
    }

    /**
     * Runs {@code command} and returns its result as text (empty for none).
     *
     * @throws Exception whatever the command throws; the platform's commands are expected not to throw
     */
    String execute(String command) throws Exception {
        Object result = session.execute(command);
        return result == null ? "" : String.valueOf(result);
    }

    /** Returns what the commands printed so far. */
    String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        session.close();
    }
}

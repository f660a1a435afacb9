package dev.barrier.api.runtime;

import org.osgi.annotation.versioning.ProviderType;

/** One long step of a run (an epoch, a pass over data) whose progress is shown to the user. */
@ProviderType
public interface ProgressTask extends AutoCloseable {

    /** Advances by {@code amount} units. */
    void step(long amount);

    /** Sets a short status shown beside the bar, such as {@code loss 0.213}. */
    void status(String text);

    /** Ends the task; the display shows it as finished. */
    @Override
    void close();
}

package dev.barrier.api.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Shows progress of long steps: a bar with rate and time left on a terminal, periodic plain lines
 * otherwise.
 */
@ProviderType
public interface Progress {

    /**
     * Starts a task.
     *
     * @param label what is being done, such as {@code train small-cnn, epoch 2/3}
     * @param total the number of units the task will take, or 0 if unknown
     * @param unit  the unit counted, such as {@code batches} or {@code images}
     */
    ProgressTask start(String label, long total, String unit);
}

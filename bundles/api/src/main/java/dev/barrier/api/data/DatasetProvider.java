package dev.barrier.api.data;

import dev.barrier.api.runtime.RunContext;

import java.util.OptionalInt;

import org.osgi.annotation.versioning.ConsumerType;

/** Reads a dataset's training and test sets. Instances are created by a {@link DatasetProviderFactory}. */
@ConsumerType
public interface DatasetProvider {

    /**
     * Loads the training and test sets.
     *
     * @throws DatasetException if a file is missing, truncated or malformed; the message names the file, what
     *         was expected and what was found, and how to install the data where that is known
     */
    DatasetSplits load(RunContext context);

    /** Returns where the data is read from, for logs and reports. */
    String describe();

    /**
     * Returns the number of classes when a preset or the configuration gives it, so that a pipeline can be
     * checked before any data is read. Empty when only the data can tell.
     *
     * @since 1.1
     */
    default OptionalInt classCount() {
        return OptionalInt.empty();
    }
}

package dev.barrier.api.runtime;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A run, past or current.
 *
 * @param id       the run id (its folder name)
 * @param name     the pipeline name from the configuration
 * @param folder   the run folder
 * @param status   the run's state
 * @param started  when it started
 * @param finished when it ended, or null while running
 * @param message  the error for failed runs, else a short summary (may be empty)
 */
public record RunRecord(String id, String name, Path folder, RunStatus status, Instant started, Instant finished,
        String message) {
}

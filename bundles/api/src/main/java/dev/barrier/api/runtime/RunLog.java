package dev.barrier.api.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The log of one run, written to the run folder and shown to the user. Messages use SLF4J-style
 * {@code {}} placeholders. Plug-ins use it for what a user of the run should read (settings chosen,
 * warnings about what is not protected, milestones); diagnostics for developers go to SLF4J.
 */
@ProviderType
public interface RunLog {

    /** Logs a milestone or a decision the user should know about. */
    void info(String format, Object... arguments);

    /** Logs something that may make the results misleading. */
    void warn(String format, Object... arguments);
}

package dev.barrier.api.report;

import dev.barrier.api.runtime.RunContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** Writes a run's results in some form. Created by a {@link ReporterFactory}. */
@ConsumerType
public interface Reporter {

    /** Returns the reporter's name, such as {@code markdown}. */
    String name();

    /**
     * Writes files into the run folder.
     *
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    List<Path> write(RunResults results, RunContext context) throws IOException;
}

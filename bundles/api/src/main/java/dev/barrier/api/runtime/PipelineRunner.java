package dev.barrier.api.runtime;

import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.report.RunResults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Validates and runs pipeline files, and lists the runs in the run store ({@code var/runs} by default).
 *
 * <p>Failure contract: {@link ConfigurationException} means the file is invalid and nothing was started or
 * written; {@link IOException} means the file could not be read; once a run has started, failures are
 * recorded in its folder and returned as a {@link RunRecord} with status {@link RunStatus#FAILED}.
 */
@ProviderType
public interface PipelineRunner {

    /**
     * Parses and validates a pipeline file against the plug-ins installed now, without running anything.
     *
     * @return the pipeline name
     * @throws ConfigurationException listing every problem found
     * @throws IOException            if the file cannot be read
     */
    String validate(Path configFile) throws IOException;

    /**
     * Validates, then runs a pipeline to completion in the calling thread.
     *
     * @param configFile the pipeline file
     * @param console    where progress and log lines are shown (the run log in the folder gets them too)
     * @return the finished run: {@link RunStatus#SUCCEEDED}, {@link RunStatus#FAILED} or
     *         {@link RunStatus#CANCELLED}
     * @throws ConfigurationException if the file is invalid; no run folder is created then
     * @throws IOException            if the file cannot be read or the run folder cannot be created
     */
    RunRecord run(Path configFile, PrintStream console) throws IOException;

    /** Requests cancellation of a running run; returns false if no such run is in progress here. */
    boolean cancel(String runId);

    /** Returns every run in the run store, newest first. */
    List<RunRecord> runs();

    /** Returns one run; the id may be abbreviated to a unique prefix. */
    Optional<RunRecord> find(String idOrPrefix);

    /**
     * Reads a finished run's results.
     *
     * @throws IOException if the results are missing or unreadable
     */
    RunResults results(RunRecord run) throws IOException;

    /** Returns the run store folder. */
    Path runStore();
}

package dev.barrier.api.runtime;

import dev.barrier.api.torch.TorchRuntime;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.osgi.annotation.versioning.ProviderType;

/** What a plug-in can use while a run is in progress. */
@ProviderType
public interface RunContext {

    /** Returns the run's id, which is also the name of its folder. */
    String runId();

    /** Returns the run folder. */
    Path runFolder();

    /** Returns the folder for files a plug-in produces (plots, sample grids, saved models); it exists. */
    Path artifactsFolder();

    /** Returns the folder shared by runs for cached models and data; it exists. */
    Path cacheFolder();

    /** Returns the run's base seed; plug-ins derive their own seeds from it. */
    long seed();

    /** Returns the tensor engine. */
    TorchRuntime torch();

    /** Returns the run's log. */
    RunLog log();

    /** Returns the progress display. */
    Progress progress();

    /**
     * Throws if the user asked to stop the run; long loops call it between steps.
     *
     * @throws CancellationException when the run was cancelled
     */
    void checkCancelled();
}

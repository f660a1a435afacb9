package dev.barrier.runtime.internal.run;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.runtime.Progress;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.api.runtime.RunLog;
import dev.barrier.api.torch.TorchRuntime;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The context of one run. */
final class RunContextImpl implements RunContext {

    private final RunFolder folder;
    private final Path artifacts;
    private final Path cache;
    private final long seed;
    private final TorchRuntime torch;
    private final RunLogImpl log;
    private final ConsoleProgress progress;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ModelCache models;

    RunContextImpl(RunFolder folder, Path artifacts, Path cache, boolean useModelCache, long seed, TorchRuntime torch,
            RunLogImpl log, ConsoleProgress progress) {
        this.folder = folder;
        this.artifacts = artifacts;
        this.cache = cache;
        this.seed = seed;
        this.torch = torch;
        this.log = log;
        this.progress = progress;
        this.models = new ModelCache(cache, useModelCache);
    }

    @Override
    public NetworkModel trainedModel(ModelAdapter adapter, Subset data, String purpose) {
        return models.obtain(adapter, data, purpose, this).model();
    }

    /** Like {@link #trainedModel}, also saying where the model came from and how long training took. */
    ModelCache.Obtained obtainModel(ModelAdapter adapter, Subset data, String purpose) {
        return models.obtain(adapter, data, purpose, this);
    }

    @Override
    public String runId() {
        return folder.id();
    }

    @Override
    public Path runFolder() {
        return folder.path();
    }

    @Override
    public Path artifactsFolder() {
        return artifacts;
    }

    @Override
    public Path cacheFolder() {
        return cache;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public TorchRuntime torch() {
        return torch;
    }

    @Override
    public RunLog log() {
        return log;
    }

    RunLogImpl runLog() {
        return log;
    }

    @Override
    public Progress progress() {
        return progress;
    }

    /** Asks the run to stop at its next check. */
    void cancel() {
        cancelled.set(true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("run " + folder.id() + " was cancelled");
        }
    }
}

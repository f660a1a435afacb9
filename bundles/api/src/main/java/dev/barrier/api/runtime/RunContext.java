package dev.barrier.api.runtime;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSummary;
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
     * Returns a model of {@code adapter}'s architecture trained on {@code data} with the adapter's training
     * settings; the caller closes it. The runtime takes it from its model cache when the same model (same data,
     * architecture, settings and training settings) was trained before, and otherwise trains it and caches it
     * unless the pipeline turned the cache off. This default, for contexts without a cache, always trains.
     *
     * @param purpose what the model is for, for the log, such as {@code classifier for diffusion-quality}
     * @throws IllegalStateException if training diverges
     */
    default NetworkModel trainedModel(ModelAdapter adapter, Subset data, String purpose) {
        InputSpec spec = new InputSpec(data.dataset().channels(), data.dataset().height(), data.dataset().width(),
                data.dataset().numClasses());
        NetworkModel model = adapter.create(spec, adapter.training().seed());
        try {
            TrainingSummary summary = adapter.train(model, data, adapter.training(), this);
            if (summary.diverged()) {
                throw new IllegalStateException("training the " + purpose + " diverged: " + summary.divergence());
            }
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Throws if the user asked to stop the run; long loops call it between steps.
     *
     * @throws CancellationException when the run was cancelled
     */
    void checkCancelled();
}

package dev.barrier.api.model;

import ai.djl.ndarray.NDArray;

import dev.barrier.api.data.Subset;
import dev.barrier.api.runtime.RunContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Knows one family of models: creates them for a dataset, trains them with their usual loss, saves and loads
 * them, and feeds them data when activations are collected. Instances are created by a
 * {@link ModelAdapterFactory} from the {@code model} section of a pipeline file.
 */
@ConsumerType
public interface ModelAdapter {

    /** Returns the architecture name, such as {@code small-cnn}. */
    String architecture();

    /** Returns what the models do. */
    ModelTask task();

    /** Returns the architecture settings (widths, depths, schedule), for cache keys and reports. */
    Map<String, Object> settings();

    /**
     * Returns the names of the layers a configuration can target, in forward order. Known without building a
     * model, so that pipeline files can be checked before any work starts.
     */
    List<String> layerNames();

    /**
     * Returns the layers methods target when a configuration names none. The default is the last layer;
     * adapters override it with what suits the architecture (for a classifier, the head and the last
     * convolution).
     */
    default List<String> defaultTargets() {
        List<String> names = layerNames();
        return names.isEmpty() ? List.of() : List.of(names.get(names.size() - 1));
    }

    /** Returns how the original model is trained when it is not cached. */
    TrainingSettings training();

    /** Creates a model with freshly initialised parameters, deterministic for a given seed. */
    NetworkModel create(InputSpec spec, long seed);

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file holds another architecture, other settings or another input
     *                                  shape; the message says what was expected and what was found
     */
    NetworkModel load(Path file, InputSpec spec) throws IOException;

    /** Saves a model's architecture header and parameters to one file, atomically. */
    void save(NetworkModel model, Path file) throws IOException;

    /**
     * Trains every parameter of {@code model} on {@code data} with the model's usual loss.
     *
     * @return what happened; a diverged run stops early and says where
     */
    TrainingSummary train(NetworkModel model, Subset data, TrainingSettings settings, RunContext context);

    /**
     * Computes the usual training loss on one batch: cross-entropy for classifiers, the noise-prediction
     * error for diffusion models (which draw timesteps and noise from {@code random}).
     *
     * @return a scalar that gradients can flow through
     */
    NDArray taskLoss(NetworkModel model, Batch batch, boolean training, Random random);

    /**
     * Runs the model in evaluation mode over {@code data} and hands the inputs of {@code layers} to
     * {@code sink}, batch by batch. Calls with equal settings replay exactly the same inputs.
     *
     * @throws IllegalArgumentException if a layer does not exist; the message lists the layers that do
     */
    void collectLayerInputs(NetworkModel model, Subset data, Collection<String> layers, CollectionSettings settings,
            LayerTap sink, RunContext context);
}

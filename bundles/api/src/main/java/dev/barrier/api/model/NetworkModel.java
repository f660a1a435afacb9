package dev.barrier.api.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A trainable network with named target layers. Owns its parameters through {@link #manager()}; closing the
 * model frees them. Not thread-safe.
 */
@ConsumerType
public interface NetworkModel extends AutoCloseable {

    /** Returns the architecture name, such as {@code small-cnn}. */
    String architecture();

    /** Returns the hyperparameters that, with the architecture name, determine the parameter shapes. */
    Map<String, Object> hyperparameters();

    /** Returns the input shape and class count the model was built for. */
    InputSpec inputSpec();

    /** Returns the layers a configuration can target, in forward order. */
    List<LayerInfo> layers();

    /**
     * Returns the layer called {@code name}.
     *
     * @throws IllegalArgumentException if there is none; the message lists the layer names that exist
     */
    default LayerInfo layer(String name) {
        for (LayerInfo layer : layers()) {
            if (layer.name().equals(name)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("model " + architecture() + " has no layer '" + name + "'; layers: "
                + layers().stream().map(LayerInfo::name).collect(Collectors.joining(", ")));
    }

    /** Returns the weight parameter of a target layer. */
    Parameter weight(String layer);

    /** Returns the bias parameter of a target layer, if it has one. */
    Optional<Parameter> bias(String layer);

    /** Returns every parameter by qualified name ({@code conv1.weight}), in a stable order. */
    Map<String, Parameter> parameters();

    /** Returns the number of scalar parameters. */
    default long parameterCount() {
        return parameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** Returns the underlying DJL block. */
    Block block();

    /** Returns the manager that owns the parameters. */
    NDManager manager();

    /** Returns an independent copy with the same parameter values, owned by a new manager. */
    NetworkModel copy();

    /** Frees the parameters. */
    @Override
    void close();
}

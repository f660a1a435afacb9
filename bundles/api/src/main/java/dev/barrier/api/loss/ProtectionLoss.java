package dev.barrier.api.loss;

import ai.djl.ndarray.NDArray;

import dev.barrier.api.model.NetworkModel;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Penalises changes of the target layers' responses around the forget data, computed from the weights only.
 * Created by a {@link ProtectionLossFactory}; one instance serves one unlearning run.
 */
@ConsumerType
public interface ProtectionLoss extends AutoCloseable {

    /** Returns the loss's name, such as {@code barrier}. */
    String name();

    /**
     * Snapshots the target weights W₀, b₀ of {@code model} and prepares the constants of each layer.
     *
     * @throws IllegalArgumentException if a layer's region type is not supported
     */
    void prepare(List<ProtectedLayer> layers, NetworkModel model);

    /**
     * Computes the loss for the model's current weights.
     *
     * @return a scalar that gradients flow through into the target weights and biases; it is owned by the loss
     *         and stays valid until the next call of this method or {@link #close()}
     * @throws IllegalStateException if {@link #prepare} was not called
     */
    NDArray compute(NetworkModel model);

    /** Returns the value of each term of the last {@link #compute}, summed over layers (for logs). */
    Map<String, Double> lastTerms();

    /** Frees the snapshot and constants. */
    @Override
    void close();
}

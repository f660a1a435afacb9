package dev.barrier.api.activation;

import ai.djl.ndarray.NDArray;

import dev.barrier.api.model.LayerInfo;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Views a target layer as one or more linear maps y = W x + b on activation rows x (one map per
 * convolution group). All array methods work on DJL arrays so that gradients flow through
 * {@link #weightMatrix} and {@link #biasVector} into the layer's parameters.
 */
@ConsumerType
public interface ActivationExtractor {

    /** Returns the extractor's name, such as {@code conv-patch}. */
    String name();

    /**
     * Checks that this extractor can handle {@code layer}.
     *
     * @throws IllegalArgumentException naming the layer and what is unsupported (a layer type, grouped
     *         convolutions, a padding that misses the kernel's taps)
     */
    void checkSupported(LayerInfo layer);

    /** Returns the number of independent linear maps (convolution groups, or 1). */
    int groups(LayerInfo layer);

    /** Returns d, the width of an activation row. */
    int rowWidth(LayerInfo layer);

    /** Returns the number of outputs of one map (output channels per group). */
    int outputWidth(LayerInfo layer);

    /**
     * Turns the layer's input into rows for one group.
     *
     * @param layerInput the tensor the layer received (see {@link dev.barrier.api.model.LayerTap})
     * @return rows [n, d]
     * @throws IllegalArgumentException if the input's shape does not fit the layer; the message gives both
     */
    NDArray rows(LayerInfo layer, NDArray layerInput, int group);

    /**
     * Returns the matrix [outputWidth, d] that maps one group's rows to its outputs, as a differentiable
     * function of the layer's weight.
     */
    NDArray weightMatrix(LayerInfo layer, NDArray weight, int group);

    /** Returns one group's bias [outputWidth] as a differentiable function of the layer's bias. */
    NDArray biasVector(LayerInfo layer, NDArray bias, int group);

    /**
     * Returns a note about what the rows leave unprotected for this layer, for logs and certificates, such
     * as "channel rows of a 3x3 convolution constrain only the centre tap".
     */
    default Optional<String> limitation(LayerInfo layer) {
        return Optional.empty();
    }
}

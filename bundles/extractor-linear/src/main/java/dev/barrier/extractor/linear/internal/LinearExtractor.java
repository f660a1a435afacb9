package dev.barrier.extractor.linear.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.LayerType;

/**
 * Views a Linear layer y = W x + b as itself: the rows are the layer's input vectors, the matrix is the
 * weight [out, in] and the bias is the bias. A sequence input [B, T, in] gives B·T rows.
 *
 * <p>Failure contract: every method throws {@link IllegalArgumentException} naming the layer when the layer
 * is not Linear, the group is not 0, or an array's shape does not fit the layer. Stateless and thread-safe.
 */
final class LinearExtractor implements ActivationExtractor {

    /** The name pipeline files use. */
    static final String NAME = "linear";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkSupported(LayerInfo layer) {
        if (layer.type() != LayerType.LINEAR) {
            throw new IllegalArgumentException("extractor '" + NAME + "' handles Linear layers only, but layer "
                    + layer + " is not one; use conv-patch or conv-channel for convolutions");
        }
    }

    @Override
    public int groups(LayerInfo layer) {
        checkSupported(layer);
        return 1;
    }

    @Override
    public int rowWidth(LayerInfo layer) {
        checkSupported(layer);
        return layer.inFeatures();
    }

    @Override
    public int outputWidth(LayerInfo layer) {
        checkSupported(layer);
        return layer.outFeatures();
    }

    /**
     * Flattens the input to rows.
     *
     * @param layerInput [B, in] or [B, T, in]
     * @return [B, in] or [B·T, in], a view of the input
     */
    @Override
    public NDArray rows(LayerInfo layer, NDArray layerInput, int group) {
        checkGroup(layer, group);
        Shape shape = layerInput.getShape();
        int rank = shape.dimension();
        if ((rank != 2 && rank != 3) || shape.get(rank - 1) != layer.inFeatures()) {
            throw new IllegalArgumentException("layer " + layer.name() + ": expected input [B, "
                    + layer.inFeatures() + "] or [B, T, " + layer.inFeatures() + "], got " + shape);
        }
        return layerInput.reshape(-1, layer.inFeatures());
    }

    /** Returns a view of the weight [out, in]; gradients flow through it unchanged. */
    @Override
    public NDArray weightMatrix(LayerInfo layer, NDArray weight, int group) {
        checkGroup(layer, group);
        Shape expected = new Shape(layer.outFeatures(), layer.inFeatures());
        if (!weight.getShape().equals(expected)) {
            throw new IllegalArgumentException("layer " + layer.name() + ": expected weight " + expected + ", got "
                    + weight.getShape());
        }
        return weight.reshape(expected);
    }

    /** Returns a view of the bias [out]. */
    @Override
    public NDArray biasVector(LayerInfo layer, NDArray bias, int group) {
        checkGroup(layer, group);
        Shape expected = new Shape(layer.outFeatures());
        if (!bias.getShape().equals(expected)) {
            throw new IllegalArgumentException("layer " + layer.name() + ": expected bias " + expected + ", got "
                    + bias.getShape());
        }
        return bias.reshape(expected);
    }

    private void checkGroup(LayerInfo layer, int group) {
        checkSupported(layer);
        if (group != 0) {
            throw new IllegalArgumentException("layer " + layer.name() + " is one linear map; expected group 0, got "
                    + group);
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}

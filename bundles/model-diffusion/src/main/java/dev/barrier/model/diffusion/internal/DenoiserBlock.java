package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import dev.barrier.api.model.LayerTap;
import dev.barrier.nn.TappableBlock;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A denoising network built from named children, each registered with the input shape it is initialised
 * for, so that initialisation needs no forward pass. The block's inputs are the noised samples, int64
 * timesteps [B] and int64 class indices [B]; its output is the predicted noise, shaped like the samples.
 *
 * <p>Only target layers (Linear and Conv2d) are run through {@link #target}, which offers their input to a
 * {@link LayerTap}; normalisation layers and the codec are run through {@link #apply} and are never tapped.
 */
abstract class DenoiserBlock extends TappableBlock {

    private final Map<String, Shape> initialShapes = new LinkedHashMap<>();

    DenoiserBlock() {
        super((byte) 1);
    }

    /**
     * Adds a child that is initialised for inputs of {@code inputShape} (batch dimension included). Weight
     * shapes depend only on the channel or feature dimension, so spatial sizes in the shape may be small.
     */
    protected final <T extends Block> T addLayer(String name, T block, Shape inputShape) {
        add(name, block);
        initialShapes.put(name, inputShape);
        return block;
    }

    /** Runs a target layer, offering its input to {@code tap}. */
    protected final NDArray target(String name, ParameterStore parameterStore, NDArray input, boolean training,
            LayerTap tap) {
        return layer(name, parameterStore, input, training, tap);
    }

    /** Runs a child that is not a target layer; its input is not offered to any tap. */
    protected final NDArray apply(String name, ParameterStore parameterStore, NDArray input, boolean training) {
        return child(name).forward(parameterStore, new NDList(input), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Map.Entry<String, Shape> entry : initialShapes.entrySet()) {
            child(entry.getKey()).initialize(manager, dataType, entry.getValue());
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

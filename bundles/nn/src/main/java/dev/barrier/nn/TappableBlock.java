package dev.barrier.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.barrier.api.model.LayerTap;

/**
 * A DJL block whose forward pass is written by hand from named child blocks, so that the input of any
 * target layer can be handed to a {@link LayerTap}. DJL has no forward hooks; running the children explicitly
 * gives exactly the tensors the layers receive.
 */
public abstract class TappableBlock extends AbstractBlock {

    private final java.util.Map<String, Block> named = new java.util.LinkedHashMap<>();

    /** Creates a block with the given parameter format version (see {@link AbstractBlock}). */
    protected TappableBlock(byte version) {
        super(version);
    }

    /**
     * Adds a child block under {@code name}. DJL stores children under a numbered key; this keeps the plain
     * name for lookups.
     */
    protected final <T extends Block> T add(String name, T block) {
        named.put(name, addChildBlock(name, block));
        return block;
    }

    /**
     * Runs the forward pass.
     *
     * @param tap receives the inputs of target layers, or null
     */
    public abstract NDList forwardTapped(ParameterStore parameterStore, NDList inputs, boolean training, LayerTap tap);

    @Override
    protected final NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return forwardTapped(parameterStore, inputs, training, null);
    }

    /**
     * Runs the child called {@code name} on {@code input}, offering the input to {@code tap} first.
     *
     * @throws IllegalArgumentException if there is no such child
     */
    protected NDArray layer(String name, ParameterStore parameterStore, NDArray input, boolean training,
            LayerTap tap) {
        Block child = named.get(name);
        if (child == null) {
            throw new IllegalArgumentException("block " + getClass().getSimpleName() + " has no child '" + name + "'");
        }
        if (tap != null) {
            tap.accept(name, input);
        }
        return child.forward(parameterStore, new NDList(input), training).singletonOrThrow();
    }

    /** Returns the child added under {@code name}, or null. */
    public Block child(String name) {
        return named.get(name);
    }
}

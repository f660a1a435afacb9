package dev.barrier.api.model;

import ai.djl.ndarray.NDArray;

/**
 * Observes the inputs of named layers during a forward pass. The array is the exact tensor the layer
 * receives (Linear: [B, in] or [B, T, in]; Conv2d: [B, C, H, W]); it belongs to the forward pass's manager,
 * so a tap that keeps it must copy it or reattach it.
 */
@FunctionalInterface
public interface LayerTap {

    /** Receives the input of {@code layer}. */
    void accept(String layer, NDArray input);
}

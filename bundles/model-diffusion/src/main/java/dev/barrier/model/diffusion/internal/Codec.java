package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import dev.barrier.api.data.Subset;
import dev.barrier.api.runtime.RunContext;

/**
 * Maps images to the space a latent denoiser works in and back. The codec's constants live in a DJL
 * {@link #block()} that is a child of the model's block, so saving, loading and copying the model keep them;
 * they are never trained by gradients.
 */
interface Codec {

    /** Returns the shape of one latent sample, without the batch dimension. */
    long[] latentShape();

    /** Returns the block holding the codec's constants. */
    Block block();

    /** Returns whether {@link #fit} has set the constants (in this model or in the one it was loaded from). */
    boolean fitted();

    /**
     * Fits the codec to images.
     *
     * @param scope a manager for temporaries, closed by the caller
     * @throws IllegalArgumentException if {@code data} is empty or contains images of another shape
     */
    void fit(Subset data, NDManager scope, RunContext context);

    /**
     * Encodes images.
     *
     * @param images float32 images [B, C, H, W] in [0, 1]
     * @return latent samples [B, latentShape...] in the manager of {@code images}
     * @throws IllegalStateException if the codec has not been fitted
     */
    NDArray encode(NDArray images);

    /**
     * Decodes latent samples.
     *
     * @return float32 images [B, C, H, W] clipped to [0, 1], in the manager of {@code latents}
     * @throws IllegalStateException if the codec has not been fitted
     */
    NDArray decode(NDArray latents);
}

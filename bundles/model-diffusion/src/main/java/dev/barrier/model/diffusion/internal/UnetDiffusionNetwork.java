package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.barrier.api.model.InputSpec;

/**
 * A pixel-space diffusion model over a {@link UnetBlock}. Samples are images scaled to [−1, 1].
 *
 * <p>Note: it is meant for a GPU. On a 2-core CPU, a training step of the default settings (800k parameters)
 * at batch 128 on 28x28 images took about 1.2 s (UnetDiffusionBenchmark), about 9 minutes an epoch of
 * Fashion-MNIST, so only small widths and images are practical there.
 */
final class UnetDiffusionNetwork extends DiffusionNetwork<UnetBlock> {

    private static final int SAMPLING_CHUNK = 100;

    private final UnetArchitecture architecture;
    private final long seed;

    UnetDiffusionNetwork(UnetArchitecture architecture, InputSpec spec, long seed, NDManager manager) {
        super(architecture, spec, manager, new UnetBlock(architecture.width(), architecture.levels(),
                architecture.attention(), spec.channels(), spec.numClasses()), seed,
                new long[] {spec.channels(), spec.height(), spec.width()});
        this.architecture = architecture;
        this.seed = seed;
    }

    @Override
    public long[] sampleShape() {
        InputSpec spec = inputSpec();
        return new long[] {spec.channels(), spec.height(), spec.width()};
    }

    /** Maps images in [0, 1] to [−1, 1]. */
    @Override
    public NDArray encode(NDArray images) {
        return images.mul(2).sub(1);
    }

    /** Maps samples in [−1, 1] to images, clipped to [0, 1]. */
    @Override
    public NDArray decode(NDArray samples) {
        return samples.add(1).div(2).clip(0, 1);
    }

    @Override
    int samplingChunk() {
        return SAMPLING_CHUNK;
    }

    @Override
    double denoisedClip() {
        return 1.0;
    }

    @Override
    protected UnetDiffusionNetwork newInstance(NDManager newManager) {
        return new UnetDiffusionNetwork(architecture, inputSpec(), seed, newManager);
    }
}

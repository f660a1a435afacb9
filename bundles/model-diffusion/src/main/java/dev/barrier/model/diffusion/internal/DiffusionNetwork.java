package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.DiffusionModel;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;
import dev.barrier.api.model.NoiseSchedule;
import dev.barrier.api.model.SamplingSettings;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.nn.AbstractNetworkModel;

import java.util.Arrays;

/**
 * A class-conditional diffusion model over a {@link DenoiserBlock}: checks the inputs of noise predictions,
 * and samples with {@link DiffusionSampler}. Saving, loading and copying go through the nn library's model
 * files, which check the architecture, its settings (the noise schedule included) and the input shape.
 * Not thread-safe.
 *
 * @param <B> the block type
 */
abstract class DiffusionNetwork<B extends DenoiserBlock> extends AbstractNetworkModel<B> implements DiffusionModel {

    private final DiffusionArchitecture architecture;
    private final NoiseSchedule schedule;

    /**
     * Wraps a block that is not initialised yet and initialises it with {@code seed}.
     *
     * @param sampleShape one sample in the denoiser's space, without the batch dimension
     */
    DiffusionNetwork(DiffusionArchitecture architecture, InputSpec spec, NDManager manager, B block, long seed,
            long[] sampleShape) {
        super(architecture.name(), architecture.hyperparameters(), spec, manager, block, architecture.layerNames(),
                seed, batchOfOne(sampleShape), new Shape(1), new Shape(1));
        this.architecture = architecture;
        this.schedule = architecture.schedule().toSchedule();
    }

    private static Shape batchOfOne(long[] sampleShape) {
        long[] dims = new long[sampleShape.length + 1];
        dims[0] = 1;
        System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
        return new Shape(dims);
    }

    /** Returns the architecture and settings this network was built with. */
    DiffusionArchitecture diffusionArchitecture() {
        return architecture;
    }

    @Override
    public NoiseSchedule schedule() {
        return schedule;
    }

    /**
     * Predicts the noise in {@code noisy}.
     *
     * @throws IllegalArgumentException if a shape does not match {@link #sampleShape()}, a timestep is outside
     *                                  [0, T) or a class is outside [0, numClasses] (numClasses being the null
     *                                  class)
     */
    @Override
    public NDArray predictNoise(NDArray noisy, NDArray timesteps, NDArray classes, boolean training, LayerTap tap) {
        checkInputs(noisy, timesteps, classes);
        NDList inputs = new NDList(noisy, timesteps.toType(DataType.INT64, false), classes.toType(DataType.INT64,
                false));
        return block().forwardTapped(parameterStore(), inputs, training, tap).singletonOrThrow();
    }

    private void checkInputs(NDArray noisy, NDArray timesteps, NDArray classes) {
        Shape shape = noisy.getShape();
        long[] expected = sampleShape();
        boolean matches = shape.dimension() == expected.length + 1;
        for (int i = 0; matches && i < expected.length; i++) {
            matches = shape.get(i + 1) == expected[i];
        }
        if (!matches) {
            throw new IllegalArgumentException(name() + " expects noised samples [B, "
                    + Arrays.toString(expected).replaceAll("[\\[\\]]", "") + "], got " + shape);
        }

        long batch = shape.get(0);
        if (!timesteps.getShape().equals(new Shape(batch)) || !classes.getShape().equals(new Shape(batch))) {
            throw new IllegalArgumentException(name() + " expects timesteps and classes of shape [" + batch
                    + "] for " + batch + " samples, got " + timesteps.getShape() + " and " + classes.getShape());
        }
        if (batch == 0) {
            return;
        }

        long minTimestep = timesteps.min().toType(DataType.INT64, false).getLong();
        long maxTimestep = timesteps.max().toType(DataType.INT64, false).getLong();
        if (minTimestep < 0 || maxTimestep >= schedule.steps()) {
            throw new IllegalArgumentException(name() + ": timesteps must be in [0, " + schedule.steps()
                    + "), got values from " + minTimestep + " to " + maxTimestep);
        }
        long minClass = classes.min().toType(DataType.INT64, false).getLong();
        long maxClass = classes.max().toType(DataType.INT64, false).getLong();
        if (minClass < 0 || maxClass > nullClass()) {
            throw new IllegalArgumentException(name() + ": classes must be in [0, " + inputSpec().numClasses()
                    + "] (" + nullClass() + " is the null class), got values from " + minClass + " to " + maxClass);
        }
    }

    /**
     * Generates images with {@link DiffusionSampler}.
     *
     * @throws IllegalArgumentException if a class is outside [0, numClasses) or the step count exceeds the
     *                                  schedule's length
     */
    @Override
    public NDArray sample(int[] classes, SamplingSettings settings, long seed, NDManager manager) {
        return DiffusionSampler.sample(this, classes, settings, seed, manager, samplingChunk());
    }

    /** Returns how many images are generated in one batch by {@link #sample}. */
    abstract int samplingChunk();

    /**
     * Returns the bound c to which predicted clean samples are clipped to [−c, c] while sampling, or NaN for
     * none.
     */
    abstract double denoisedClip();

    /**
     * Prepares the network before {@link DiffusionAdapter#train} runs its first step; the latent model fits
     * its codec here. The default does nothing.
     */
    void prepareTraining(Subset data, RunContext context) {
    }

    /** Returns the architecture name, for messages. */
    final String name() {
        return architecture.name();
    }
}

package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.model.NoiseSchedule;

import java.util.Arrays;
import java.util.Random;

/**
 * The forward process q(x_t | x_0) of a diffusion model and the random draws that go with it: timesteps,
 * Gaussian noise and class dropping. Every draw comes from a {@link Random} the caller seeds, so equal seeds
 * give equal draws.
 */
final class ForwardNoising {

    private ForwardNoising() {
    }

    /**
     * Noises samples in closed form: x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε.
     *
     * @param x0        clean samples [B, ...]
     * @param timesteps one timestep per sample, each in [0, T)
     * @param noise     ε, shaped like {@code x0}
     * @return x_t, in the manager of {@code x0}
     */
    static NDArray apply(NDArray x0, long[] timesteps, NDArray noise, NoiseSchedule schedule) {
        float[] signal = new float[timesteps.length];
        float[] spread = new float[timesteps.length];
        for (int i = 0; i < timesteps.length; i++) {
            double alphaBar = schedule.alphaBar((int) timesteps[i]);
            signal[i] = (float) Math.sqrt(alphaBar);
            spread[i] = (float) Math.sqrt(1 - alphaBar);
        }
        Shape perSample = perSampleShape(x0.getShape());
        NDManager manager = x0.getManager();
        return x0.mul(manager.create(signal, perSample)).add(noise.mul(manager.create(spread, perSample)));
    }

    /** Returns [B, 1, 1, ...] with as many dimensions as {@code shape}, for per-sample coefficients. */
    static Shape perSampleShape(Shape shape) {
        long[] dims = new long[shape.dimension()];
        Arrays.fill(dims, 1);
        dims[0] = shape.get(0);
        return new Shape(dims);
    }

    /** Returns standard Gaussian float32 noise of {@code shape}, drawn from {@code random}. */
    static NDArray gaussian(NDManager manager, Shape shape, Random random) {
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, shape);
    }

    /** Returns {@code count} timesteps drawn uniformly from [0, steps). */
    static long[] uniformTimesteps(int count, int steps, Random random) {
        long[] timesteps = new long[count];
        for (int i = 0; i < count; i++) {
            timesteps[i] = random.nextInt(steps);
        }
        return timesteps;
    }

    /**
     * Returns {@code count} timesteps in antithetic pairs across the batch: the first ⌊count/2⌋ are drawn
     * uniformly from [0, steps), the next ⌊count/2⌋ are T − 1 − t of those in the same order, and an odd last
     * one is drawn on its own. Pairing t with T − 1 − t lowers the variance of statistics over timesteps.
     */
    static long[] antitheticTimesteps(int count, int steps, Random random) {
        long[] timesteps = new long[count];
        int half = count / 2;
        for (int i = 0; i < half; i++) {
            timesteps[i] = random.nextInt(steps);
            timesteps[half + i] = steps - 1 - timesteps[i];
        }
        if (count % 2 == 1) {
            timesteps[count - 1] = random.nextInt(steps);
        }
        return timesteps;
    }

    /**
     * Replaces each label by {@code nullClass} with probability {@code fraction}, one Bernoulli draw per label
     * in order (a draw is made for every label, also when {@code fraction} is 0, so the stream of draws does
     * not depend on it).
     */
    static long[] dropClasses(long[] labels, double fraction, int nullClass, Random random) {
        long[] classes = labels.clone();
        for (int i = 0; i < classes.length; i++) {
            if (random.nextDouble() < fraction) {
                classes[i] = nullClass;
            }
        }
        return classes;
    }
}

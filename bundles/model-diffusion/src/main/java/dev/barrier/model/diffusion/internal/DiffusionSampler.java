package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.model.DiffusionModel;
import dev.barrier.api.model.NoiseSchedule;
import dev.barrier.api.model.SamplingSettings;
import dev.barrier.nn.Seeds;

import java.util.Random;

/**
 * Generates samples with DDPM (Ho et al., 2020) or DDIM (Song et al., 2021) over a strided subsequence of
 * the noise schedule, with classifier-free guidance.
 *
 * <p>With S sampling steps out of T timesteps the sampler visits τ_j = round(j (T − 1) / (S − 1)) for
 * j = S − 1 … 0 (only T − 1 when S = 1); with S = T that is every timestep. At each visited timestep t, with
 * ᾱ' the ᾱ of the next visited timestep (1 after the last), it predicts ε with guidance,
 * ε = (1 + w) ε(x, c) − w ε(x, ∅), and the clean sample x̂_0 = (x_t − √(1 − ᾱ_t) ε) / √ᾱ_t. Then:
 * <ul>
 * <li>DDIM: x' = √ᾱ' x̂_0 + √(1 − ᾱ' − σ²) ε + σ z with σ = η √((1 − ᾱ') / (1 − ᾱ_t)) √(1 − ᾱ_t / ᾱ'); with
 * η = 0 no noise is drawn and the result is a deterministic function of the initial noise.</li>
 * <li>DDPM: x' is drawn from the posterior q(x' | x_t, x̂_0) for the pair of visited timesteps, with mean
 * (√ᾱ' β / (1 − ᾱ_t)) x̂_0 + (√(1 − β) (1 − ᾱ') / (1 − ᾱ_t)) x_t and variance β (1 − ᾱ') / (1 − ᾱ_t), where
 * β = 1 − ᾱ_t / ᾱ'. With S = T this is ancestral sampling with the posterior variance β̃_t.</li>
 * </ul>
 * Models that give a clip bound (pixel-space models) clip x̂_0 to it and recompute ε from the clipped value.
 *
 * <p>Seeds: the initial noise of all images comes from one generator seeded with {@code seed}, in image
 * order, so the first n images of a request are the same whatever its length. Images are generated in chunks;
 * the sampling noise of chunk k comes from a generator seeded from {@code seed} and k.
 */
final class DiffusionSampler {

    private DiffusionSampler() {
    }

    /**
     * Generates images of the given classes.
     *
     * @param chunkSize images per batch
     * @return float32 images [classes.length, C, H, W] in [0, 1], owned by {@code manager}
     * @throws IllegalArgumentException if a class is outside [0, numClasses) or the step count exceeds the
     *                                  schedule's length
     */
    static NDArray sample(DiffusionNetwork<?> model, int[] classes, SamplingSettings settings, long seed,
            NDManager manager, int chunkSize) {
        int numClasses = model.inputSpec().numClasses();
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= numClasses) {
                throw new IllegalArgumentException("class " + classes[i] + " at position " + i
                        + " is outside the model's classes [0, " + numClasses + ")");
            }
        }
        checkSteps(model.schedule(), settings);
        if (classes.length == 0) {
            return manager.zeros(new Shape(0, model.inputSpec().channels(), model.inputSpec().height(),
                    model.inputSpec().width()));
        }

        long[] sampleShape = model.sampleShape();
        Random initialNoise = new Random(seed);
        NDList chunks = new NDList();
        for (int start = 0, chunk = 0; start < classes.length; start += chunkSize, chunk++) {
            int count = Math.min(chunkSize, classes.length - start);
            long[] chunkClasses = new long[count];
            for (int i = 0; i < count; i++) {
                chunkClasses[i] = classes[start + i];
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray noise = ForwardNoising.gaussian(scope, batchShape(count, sampleShape), initialNoise);
                Random stepNoise = new Random(Seeds.derive(seed, "sampling noise of chunk " + chunk));
                NDArray samples = denoise(model, noise, chunkClasses, settings, stepNoise, model.denoisedClip());
                NDArray images = model.decode(samples);
                images.attach(manager);
                chunks.add(images);
            }
        }
        return chunks.size() == 1 ? chunks.get(0) : NDArrays.concat(chunks, 0);
    }

    /**
     * Runs the reverse process from {@code noise} (x_T) to a clean sample.
     *
     * @param stepNoise the source of the noise added at each step (not used by DDIM with η = 0)
     * @param clip      the bound for predicted clean samples, or NaN for none
     * @return x_0 in the manager of {@code noise}
     * @throws IllegalArgumentException if the step count exceeds the schedule's length
     */
    static NDArray denoise(DiffusionModel model, NDArray noise, long[] classes, SamplingSettings settings,
            Random stepNoise, double clip) {
        NoiseSchedule schedule = model.schedule();
        checkSteps(schedule, settings);
        int[] timesteps = timesteps(schedule.steps(), settings.steps());
        NDManager owner = noise.getManager();
        NDArray x = noise;
        for (int j = timesteps.length - 1; j >= 0; j--) {
            int t = timesteps[j];
            double alphaBarNext = j > 0 ? schedule.alphaBar(timesteps[j - 1]) : 1.0;
            NDArray next;
            try (NDManager scope = owner.newSubManager()) {
                x.tempAttach(scope);
                next = step(model, x, t, alphaBarNext, classes, settings, stepNoise, clip);
                next.attach(owner);
            }
            if (x != noise) {
                x.close();
            }
            x = next;
        }
        return x;
    }

    private static NDArray step(DiffusionModel model, NDArray x, int t, double alphaBarNext, long[] classes,
            SamplingSettings settings, Random stepNoise, double clip) {
        double alphaBar = model.schedule().alphaBar(t);
        NDArray epsilon = guidedNoise(model, x, t, classes, settings.guidance());
        NDArray denoised = x.sub(epsilon.mul((float) Math.sqrt(1 - alphaBar))).div((float) Math.sqrt(alphaBar));
        if (!Double.isNaN(clip)) {
            denoised = denoised.clip(-clip, clip);
            epsilon = x.sub(denoised.mul((float) Math.sqrt(alphaBar))).div((float) Math.sqrt(1 - alphaBar));
        }

        if (settings.sampler() == SamplingSettings.Sampler.DDIM) {
            double sigma = settings.eta() * Math.sqrt((1 - alphaBarNext) / (1 - alphaBar))
                    * Math.sqrt(Math.max(0, 1 - alphaBar / alphaBarNext));
            double direction = Math.sqrt(Math.max(0, 1 - alphaBarNext - sigma * sigma));
            NDArray next = denoised.mul((float) Math.sqrt(alphaBarNext)).add(epsilon.mul((float) direction));
            if (sigma > 0) {
                next = next.add(ForwardNoising.gaussian(x.getManager(), x.getShape(), stepNoise).mul((float) sigma));
            }
            return next;
        }

        double beta = 1 - alphaBar / alphaBarNext;
        double denoisedWeight = Math.sqrt(alphaBarNext) * beta / (1 - alphaBar);
        double currentWeight = Math.sqrt(1 - beta) * (1 - alphaBarNext) / (1 - alphaBar);
        NDArray mean = denoised.mul((float) denoisedWeight).add(x.mul((float) currentWeight));
        double variance = beta * (1 - alphaBarNext) / (1 - alphaBar);
        if (variance <= 0) {
            return mean;
        }
        return mean.add(ForwardNoising.gaussian(x.getManager(), x.getShape(), stepNoise)
                .mul((float) Math.sqrt(variance)));
    }

    /** Returns ε = (1 + w) ε(x, c) − w ε(x, ∅), or ε(x, c) alone when w = 0. */
    private static NDArray guidedNoise(DiffusionModel model, NDArray x, int t, long[] classes, double guidance) {
        NDManager manager = x.getManager();
        int count = classes.length;
        if (guidance == 0) {
            return model.predictNoise(x, constant(manager, count, t), manager.create(classes), false, null);
        }
        long[] both = new long[2 * count];
        System.arraycopy(classes, 0, both, 0, count);
        java.util.Arrays.fill(both, count, 2 * count, model.nullClass());
        NDArray predictions = model.predictNoise(x.concat(x, 0), constant(manager, 2 * count, t),
                manager.create(both), false, null);
        NDArray conditional = predictions.get("0:" + count);
        NDArray unconditional = predictions.get(count + ":");
        return conditional.mul((float) (1 + guidance)).sub(unconditional.mul((float) guidance));
    }

    private static NDArray constant(NDManager manager, int count, long value) {
        long[] values = new long[count];
        java.util.Arrays.fill(values, value);
        return manager.create(values);
    }

    /**
     * Returns the visited timesteps in ascending order: round(j (T − 1) / (S − 1)) for j = 0 … S − 1, or
     * {T − 1} when S = 1. They are distinct because consecutive values are at least 1 apart when S ≤ T.
     */
    static int[] timesteps(int scheduleSteps, int samplingSteps) {
        if (samplingSteps == 1) {
            return new int[] {scheduleSteps - 1};
        }
        int[] timesteps = new int[samplingSteps];
        for (int j = 0; j < samplingSteps; j++) {
            timesteps[j] = (int) Math.round((double) j * (scheduleSteps - 1) / (samplingSteps - 1));
        }
        return timesteps;
    }

    private static void checkSteps(NoiseSchedule schedule, SamplingSettings settings) {
        if (settings.steps() > schedule.steps()) {
            throw new IllegalArgumentException("cannot sample with " + settings.steps() + " steps: the noise schedule"
                    + " has " + schedule.steps() + " timesteps, so at most " + schedule.steps() + " steps are possible");
        }
    }

    private static Shape batchShape(int count, long[] sampleShape) {
        long[] dims = new long[sampleShape.length + 1];
        dims[0] = count;
        System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
        return new Shape(dims);
    }
}

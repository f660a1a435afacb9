package dev.barrier.api.model;

/**
 * How activations are collected for a set of images.
 *
 * @param batchSize         images per forward pass
 * @param passes            passes over the images; diffusion models draw new timesteps and noise each pass,
 *                          classifiers see the same images again, so 1 is enough for them
 * @param seed              seeds timesteps, noise and class dropping; the same seed replays the same inputs
 * @param nullClassFraction the fraction of images conditioned on the null class instead of their own
 *                          (diffusion models only; the reference uses 0.1 during set-up)
 */
public record CollectionSettings(int batchSize, int passes, long seed, double nullClassFraction) {

    /** Checks the ranges. */
    public CollectionSettings {
        if (batchSize <= 0 || passes <= 0) {
            throw new IllegalArgumentException("batch size and passes must be positive, got " + batchSize + " and "
                    + passes);
        }
        if (!(nullClassFraction >= 0 && nullClassFraction <= 1)) {
            throw new IllegalArgumentException("nullClassFraction must be in [0, 1], got " + nullClassFraction);
        }
    }
}

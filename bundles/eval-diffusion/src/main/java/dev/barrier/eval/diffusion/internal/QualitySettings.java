package dev.barrier.eval.diffusion.internal;

import dev.barrier.api.model.SamplingSettings;

/**
 * The generation settings of the {@code diffusion-quality} evaluator.
 *
 * @param samplesPerClass images generated per class
 * @param sampling        the sampler, its steps, the guidance weight and DDIM's η
 * @param seed            seeds the generation; every evaluated model gets the same seeds
 * @param batchSize       images generated and classified per batch
 */
record QualitySettings(int samplesPerClass, SamplingSettings sampling, long seed, int batchSize) {

    /** Checks the counts. */
    QualitySettings {
        if (samplesPerClass < 1 || batchSize < 1) {
            throw new IllegalArgumentException("samplesPerClass and batchSize must be positive, got "
                    + samplesPerClass + " and " + batchSize);
        }
    }
}

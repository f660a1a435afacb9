package dev.barrier.api.model;

/**
 * How a diffusion model generates samples.
 *
 * @param sampler  DDPM (ancestral, stochastic) or DDIM
 * @param steps    the number of denoising steps, from 1 to the schedule's length; DDPM uses every step of
 *                 the schedule when this equals its length and a strided subsequence otherwise
 * @param guidance the classifier-free guidance weight w: ε = (1 + w) ε(x, c) − w ε(x, ∅); 0 disables guidance
 * @param eta      DDIM's η: 0 makes DDIM deterministic, 1 matches DDPM's variance; ignored by DDPM
 */
public record SamplingSettings(Sampler sampler, int steps, double guidance, double eta) {

    /** The sampling algorithms. */
    public enum Sampler {
        /** Ancestral sampling of Ho et al. (2020). */
        DDPM,
        /** Denoising diffusion implicit models, Song et al. (2021). */
        DDIM
    }

    /** Checks the ranges that do not depend on the model. */
    public SamplingSettings {
        if (steps < 1) {
            throw new IllegalArgumentException("the number of sampling steps must be at least 1, got " + steps);
        }
        if (!(guidance >= 0 && guidance <= 100)) {
            throw new IllegalArgumentException("the guidance weight must be in [0, 100], got " + guidance);
        }
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("DDIM eta must be in [0, 1], got " + eta);
        }
    }
}

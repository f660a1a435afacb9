package dev.barrier.api.model;

/**
 * The forward noising process of a denoising diffusion model: a variance schedule β_t for t = 0 … T−1,
 * with α_t = 1 − β_t and ᾱ_t = ∏_{s≤t} α_s, so that x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε.
 */
public final class NoiseSchedule {

    private final double[] betas;
    private final double[] alphaBars;

    private NoiseSchedule(double[] betas) {
        this.betas = betas;
        this.alphaBars = new double[betas.length];
        double product = 1;
        for (int t = 0; t < betas.length; t++) {
            product *= 1 - betas[t];
            alphaBars[t] = product;
        }
    }

    /**
     * Creates the linear schedule of Ho et al. (2020): β rises linearly from {@code betaStart} to
     * {@code betaEnd} over {@code steps} steps.
     *
     * @throws IllegalArgumentException if steps &lt; 2 or the betas are not in (0, 1) with start ≤ end
     */
    public static NoiseSchedule linear(int steps, double betaStart, double betaEnd) {
        if (steps < 2) {
            throw new IllegalArgumentException("a noise schedule needs at least 2 steps, got " + steps);
        }
        if (!(betaStart > 0 && betaStart <= betaEnd && betaEnd < 1)) {
            throw new IllegalArgumentException("expected 0 < betaStart <= betaEnd < 1, got betaStart " + betaStart
                    + " and betaEnd " + betaEnd);
        }
        double[] betas = new double[steps];
        for (int t = 0; t < steps; t++) {
            betas[t] = betaStart + (betaEnd - betaStart) * t / (steps - 1);
        }
        return new NoiseSchedule(betas);
    }

    /** Returns T, the number of timesteps. */
    public int steps() {
        return betas.length;
    }

    /** Returns β_t. */
    public double beta(int t) {
        return betas[t];
    }

    /** Returns ᾱ_t. */
    public double alphaBar(int t) {
        return alphaBars[t];
    }

    /** Returns ᾱ_{t−1}, with ᾱ_{−1} = 1. */
    public double alphaBarPrevious(int t) {
        return t == 0 ? 1 : alphaBars[t - 1];
    }

    /** Returns a copy of every β_t. */
    public double[] betas() {
        return betas.clone();
    }

    /** Returns a copy of every ᾱ_t. */
    public double[] alphaBars() {
        return alphaBars.clone();
    }
}

package dev.barrier.loss.barrier.internal;

import java.util.Objects;

/**
 * The settings of one {@code barrier} protection loss.
 *
 * @param lambda        λ, the factor of the total; positive and finite
 * @param normalize     whether the sum over layers is divided by the number of layers
 * @param residualScale how the residual term is normalised
 * @param meanTerm      whether the mean term is included
 * @param residualTerm  whether the residual term is included
 * @param intervalTerm  whether the interval term is included
 */
public record BarrierLossSettings(double lambda, boolean normalize, ResidualScale residualScale, boolean meanTerm,
        boolean residualTerm, boolean intervalTerm) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if λ is not positive and finite or every term is switched off
     */
    public BarrierLossSettings {
        Objects.requireNonNull(residualScale, "residualScale");
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive and finite, got " + lambda);
        }
        if (!meanTerm && !residualTerm && !intervalTerm) {
            throw new IllegalArgumentException("at least one of meanTerm, residualTerm and intervalTerm must be true");
        }
    }
}

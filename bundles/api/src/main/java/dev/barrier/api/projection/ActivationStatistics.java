package dev.barrier.api.projection;

import java.util.Objects;

/**
 * Count, mean and centred Gram matrix of a layer's activation rows, in double precision.
 *
 * @param layer            the layer (and group, for grouped convolutions) the rows came from
 * @param count            N, the number of rows
 * @param mean             μ, length d
 * @param gram             G = Σ (x − μ)(x − μ)ᵀ, d×d row-major
 * @param nonFiniteRows    rows that contained NaN or infinite values and were replaced by zeros (only when the
 *                         user allowed replacement; otherwise such rows fail the fit)
 */
public record ActivationStatistics(String layer, long count, double[] mean, double[] gram, long nonFiniteRows) {

    /** Checks the shapes. */
    public ActivationStatistics {
        Objects.requireNonNull(layer, "layer");
        int d = mean.length;
        if (gram.length != d * d) {
            throw new IllegalArgumentException("layer " + layer + ": Gram matrix has " + gram.length
                    + " entries, expected " + d + "x" + d);
        }
        if (count < 0 || nonFiniteRows < 0) {
            throw new IllegalArgumentException("layer " + layer + ": counts must not be negative");
        }
    }

    /** Returns d, the row width. */
    public int width() {
        return mean.length;
    }

    /** Returns G[i][j]. */
    public double gram(int i, int j) {
        return gram[i * mean.length + j];
    }
}

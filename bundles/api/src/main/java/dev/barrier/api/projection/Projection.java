package dev.barrier.api.projection;

import java.util.Objects;

/**
 * A fitted split of a layer's row space into forget directions and a residual.
 *
 * <p>Shapes: d = row width, k = number of forget directions, r = residual rank = min(N, d) − k (0 for the
 * identity projection).
 *
 * @param layer                  the layer (and group) it was fitted for
 * @param strategy               the strategy that fitted it
 * @param rowCount               N, the number of rows fitted
 * @param mean                   μ, length d
 * @param forgetBasis            U_f, k rows of length d, orthonormal, sign rule applied
 * @param forgetSingularValues   s_f, length k, descending (√eigenvalue of G, not divided by √N)
 * @param residualSingularValues s_r, length r when the strategy computed them, else empty
 * @param residualGram           G_r = G − U_fᵀ diag(s_f²) U_f, d×d row-major, or null when r = 0
 * @param residualRank           r
 * @param identity               whether every raw dimension is its own direction (no residual)
 */
public record Projection(String layer, String strategy, long rowCount, double[] mean, double[][] forgetBasis,
        double[] forgetSingularValues, double[] residualSingularValues, double[] residualGram, int residualRank,
        boolean identity) {

    /** Checks the shapes. */
    public Projection {
        Objects.requireNonNull(layer, "layer");
        int d = mean.length;
        for (double[] direction : forgetBasis) {
            if (direction.length != d) {
                throw new IllegalArgumentException("layer " + layer + ": forget direction of length "
                        + direction.length + ", expected " + d);
            }
        }
        if (forgetSingularValues.length != forgetBasis.length) {
            throw new IllegalArgumentException("layer " + layer + ": " + forgetBasis.length + " directions but "
                    + forgetSingularValues.length + " singular values");
        }
        if (residualGram != null && residualGram.length != d * d) {
            throw new IllegalArgumentException("layer " + layer + ": residual Gram matrix has "
                    + residualGram.length + " entries, expected " + d + "x" + d);
        }
        if (residualRank < 0 || (residualRank > 0 && residualGram == null)) {
            throw new IllegalArgumentException("layer " + layer + ": residual rank " + residualRank
                    + " needs a residual Gram matrix");
        }
    }

    /** Returns d. */
    public int width() {
        return mean.length;
    }

    /** Returns k. */
    public int reducedDim() {
        return forgetBasis.length;
    }

    /** Projects a row: z = U_f (x − μ). */
    public double[] project(double[] row) {
        int d = mean.length;
        double[] z = new double[forgetBasis.length];
        for (int i = 0; i < z.length; i++) {
            double sum = 0;
            double[] u = forgetBasis[i];
            for (int j = 0; j < d; j++) {
                sum += u[j] * (row[j] - mean[j]);
            }
            z[i] = sum;
        }
        return z;
    }

    /** Returns U_fᵀU_f, d×d row-major: the projector onto the forget subspace, free of sign choices. */
    public double[] forgetProjector() {
        int d = mean.length;
        double[] p = new double[d * d];
        for (double[] u : forgetBasis) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    p[i * d + j] += u[i] * u[j];
                }
            }
        }
        return p;
    }
}

package dev.barrier.linalg;

import dev.barrier.api.projection.ActivationStatistics;
import dev.barrier.api.projection.Projection;

/**
 * Steps that every projection strategy shares: checking the statistics, bounding the reduced dimension, and
 * turning the top eigenpairs of the Gram matrix G into a {@link Projection} with the sign rule applied and the
 * residual Gram matrix G_r = G − U_fᵀ diag(s_f²) U_f.
 */
public final class ProjectionFits {

    private ProjectionFits() {
    }

    /**
     * Checks that statistics can be fitted: at least one row, and a finite mean and Gram matrix.
     *
     * @throws IllegalArgumentException naming the layer if there are no rows or a value is NaN or infinite
     */
    public static void requireUsable(ActivationStatistics statistics) {
        String layer = statistics.layer();
        if (statistics.count() <= 0) {
            throw new IllegalArgumentException("layer " + layer + ": no activation rows to fit a projection to");
        }
        double[] mean = statistics.mean();
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("layer " + layer + ": mean entry " + i + " is " + mean[i]
                        + "; expected finite statistics");
            }
        }
        double[] gram = statistics.gram();
        int d = mean.length;
        for (int i = 0; i < gram.length; i++) {
            if (!Double.isFinite(gram[i])) {
                throw new IllegalArgumentException("layer " + layer + ": Gram matrix entry (" + (i / d) + ", "
                        + (i % d) + ") is " + gram[i] + "; expected finite statistics");
            }
        }
    }

    /**
     * Returns the number of forget directions that can be fitted for a requested reduced dimension k: k itself,
     * or N when there are fewer rows than k (N rows span at most N directions).
     *
     * @throws IllegalArgumentException naming the layer, k and d if k exceeds the row width d, or if k is below 1
     */
    public static int forgetDirections(ActivationStatistics statistics, int reducedDim) {
        int d = statistics.width();
        if (reducedDim > d) {
            throw new IllegalArgumentException("layer " + statistics.layer() + ": reducedDim " + reducedDim
                    + " exceeds the row width " + d + "; set reducedDim to at most " + d
                    + " or use the identity projection");
        }
        if (reducedDim < 1) {
            throw new IllegalArgumentException("layer " + statistics.layer() + ": reducedDim must be at least 1, got "
                    + reducedDim);
        }
        return (int) Math.min(reducedDim, statistics.count());
    }

    /**
     * Returns r = min(N, d) − k, the number of residual directions of a projection with k forget directions.
     */
    public static int residualRank(ActivationStatistics statistics, int forgetDirections) {
        return (int) Math.min(statistics.count(), statistics.width()) - forgetDirections;
    }

    /**
     * Builds a projection from the top {@code k} eigenpairs of the statistics' Gram matrix.
     *
     * @param statistics             the statistics the eigenpairs were computed from
     * @param strategy               the strategy's name, recorded in the projection
     * @param eigen                  at least k eigenpairs of G, descending
     * @param k                      the number of forget directions
     * @param residualSingularValues s_r when the strategy computed them, else an empty array
     * @throws IllegalArgumentException if {@code eigen} contains fewer than k pairs or has another width
     */
    public static Projection fromEigenpairs(ActivationStatistics statistics, String strategy, SymmetricEigen eigen,
            int k, double[] residualSingularValues) {
        int d = statistics.width();
        if (eigen.width() != d || eigen.count() < k) {
            throw new IllegalArgumentException("layer " + statistics.layer() + ": need " + k
                    + " eigenpairs of width " + d + ", got " + eigen.count() + " of width " + eigen.width());
        }
        double[][] all = eigen.vectors();
        double[] singular = eigen.singularValues();
        double[][] basis = new double[k][];
        double[] forgetSingular = new double[k];
        for (int i = 0; i < k; i++) {
            basis[i] = SignRule.apply(all[i]);
            forgetSingular[i] = singular[i];
        }

        int residualRank = residualRank(statistics, k);
        double[] residualGram = residualRank > 0 ? residualGram(statistics.gram(), d, basis, forgetSingular) : null;
        return new Projection(statistics.layer(), strategy, statistics.count(), statistics.mean().clone(), basis,
                forgetSingular, residualSingularValues, residualGram, residualRank, false);
    }

    /**
     * Returns G_r = G − U_fᵀ diag(s_f²) U_f, d×d row-major and exactly symmetric. It satisfies
     * ‖ΔW U_rᵀ diag(s_r)‖²_F = tr(ΔW G_r ΔWᵀ), so the residual term never needs the residual directions.
     *
     * @param gram           G, d×d row-major
     * @param basis          U_f, k orthonormal rows of length d
     * @param singularValues s_f, length k
     */
    public static double[] residualGram(double[] gram, int d, double[][] basis, double[] singularValues) {
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double sum = 0.5 * (gram[i * d + j] + gram[j * d + i]);
                for (int f = 0; f < basis.length; f++) {
                    sum -= singularValues[f] * singularValues[f] * basis[f][i] * basis[f][j];
                }
                out[i * d + j] = sum;
                out[j * d + i] = sum;
            }
        }
        return out;
    }
}

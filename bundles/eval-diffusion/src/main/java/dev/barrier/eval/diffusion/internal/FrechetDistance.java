package dev.barrier.eval.diffusion.internal;

import dev.barrier.linalg.StreamingMoments;
import dev.barrier.linalg.SymmetricEigen;

/**
 * The Fréchet distance between two Gaussians N(μ1, Σ1) and N(μ2, Σ2), the 2-Wasserstein distance squared
 * (Dowson and Landau, 1982): ‖μ1 − μ2‖² + tr(Σ1 + Σ2 − 2 (Σ1^{1/2} Σ2 Σ1^{1/2})^{1/2}). The matrix square roots
 * come from symmetric eigendecompositions (eigenvalues that rounding makes slightly negative count as 0), so
 * only symmetric positive semi-definite covariances are meaningful.
 */
final class FrechetDistance {

    private FrechetDistance() {
    }

    /** A Gaussian given by its mean (length d) and covariance (d×d row-major). */
    record Gaussian(double[] mean, double[] covariance) {

        /** Checks that the covariance is d×d for a mean of length d. */
        Gaussian {
            if (covariance.length != mean.length * mean.length) {
                throw new IllegalArgumentException("expected a " + mean.length + "x" + mean.length + " covariance for a"
                        + " mean of length " + mean.length + ", got " + covariance.length + " entries");
            }
        }

        /**
         * Returns the sample mean and the unbiased sample covariance G / (N − 1) of streamed rows.
         *
         * @throws IllegalArgumentException if fewer than 2 rows were streamed
         */
        static Gaussian of(StreamingMoments moments) {
            if (moments.count() < 2) {
                throw new IllegalArgumentException("a covariance needs at least 2 rows, got " + moments.count());
            }
            double[] covariance = moments.gram();
            double scale = 1.0 / (moments.count() - 1);
            for (int i = 0; i < covariance.length; i++) {
                covariance[i] *= scale;
            }
            return new Gaussian(moments.mean(), covariance);
        }

        int width() {
            return mean.length;
        }
    }

    /**
     * Returns the Fréchet distance between {@code a} and {@code b}; results that rounding makes slightly
     * negative are returned as 0.
     *
     * @throws IllegalArgumentException if the widths differ or a value is not finite
     */
    static double between(Gaussian a, Gaussian b) {
        int d = a.width();
        if (b.width() != d) {
            throw new IllegalArgumentException("cannot compare Gaussians of width " + d + " and " + b.width());
        }
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double delta = a.mean()[i] - b.mean()[i];
            meanTerm += delta * delta;
        }
        double[] rootA = squareRoot(a.covariance(), d);
        double[] product = multiply(multiply(rootA, b.covariance(), d), rootA, d);
        double traceOfRoot = 0;
        for (double root : SymmetricEigen.decompose(symmetrised(product, d), d).singularValues()) {
            traceOfRoot += root;
        }
        double distance = meanTerm + trace(a.covariance(), d) + trace(b.covariance(), d) - 2 * traceOfRoot;
        return Math.max(0, distance);
    }

    /** Returns the symmetric square root V diag(√max(λ, 0)) Vᵀ of a symmetric matrix. */
    static double[] squareRoot(double[] matrix, int d) {
        SymmetricEigen eigen = SymmetricEigen.decompose(matrix, d);
        double[] roots = eigen.singularValues();
        double[][] vectors = eigen.vectors();
        double[] result = new double[d * d];
        for (int k = 0; k < d; k++) {
            double root = roots[k];
            if (root == 0) {
                continue;
            }
            double[] v = vectors[k];
            for (int i = 0; i < d; i++) {
                double scaled = root * v[i];
                for (int j = 0; j < d; j++) {
                    result[i * d + j] += scaled * v[j];
                }
            }
        }
        return result;
    }

    private static double[] multiply(double[] left, double[] right, int d) {
        double[] result = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double value = left[i * d + k];
                if (value == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    result[i * d + j] += value * right[k * d + j];
                }
            }
        }
        return result;
    }

    private static double[] symmetrised(double[] matrix, int d) {
        double[] result = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                result[i * d + j] = 0.5 * (matrix[i * d + j] + matrix[j * d + i]);
            }
        }
        return result;
    }

    private static double trace(double[] matrix, int d) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += matrix[i * d + i];
        }
        return sum;
    }
}

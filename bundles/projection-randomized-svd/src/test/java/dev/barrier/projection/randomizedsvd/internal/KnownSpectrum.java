package dev.barrier.projection.randomizedsvd.internal;

import dev.barrier.api.projection.ActivationStatistics;
import dev.barrier.linalg.StreamingMoments;

import java.util.Random;

/**
 * Activation rows whose centred Gram matrix is known exactly: x_n = μ + Σ_i A_ni σ_i v_i, where the columns of A
 * are orthonormal and sum to zero, so the rows have mean μ and G = Σ_i σ_i² v_iᵀ v_i.
 */
final class KnownSpectrum {

    final double[] mean;
    final double[][] directions;
    final double[] singularValues;
    final double[][] rows;

    KnownSpectrum(long seed, int n, int d, double[] singularValues) {
        Random random = new Random(seed);
        int m = singularValues.length;
        this.singularValues = singularValues.clone();
        this.directions = orthonormalRows(random, m, d, null);
        this.mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = random.nextGaussian();
        }

        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1 / Math.sqrt(n));
        double[][] columns = orthonormalRows(random, m, n, ones);
        this.rows = new double[n][d];
        for (int r = 0; r < n; r++) {
            double[] row = mean.clone();
            for (int i = 0; i < m; i++) {
                double weight = columns[i][r] * singularValues[i];
                for (int j = 0; j < d; j++) {
                    row[j] += weight * directions[i][j];
                }
            }
            rows[r] = row;
        }
    }

    ActivationStatistics statistics(String layer) {
        StreamingMoments moments = new StreamingMoments(mean.length);
        moments.addRows(rows);
        return moments.toStatistics(layer, 0);
    }

    /** Returns Σ_{i ≥ from} σ_i² v_iᵀ v_i, d×d row-major. */
    double[] gramFrom(int from) {
        int d = mean.length;
        double[] gram = new double[d * d];
        for (int i = from; i < directions.length; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    gram[a * d + b] += singularValues[i] * singularValues[i] * directions[i][a] * directions[i][b];
                }
            }
        }
        return gram;
    }

    /** Returns m orthonormal random rows of length d, also orthogonal to {@code avoid} when given. */
    private static double[][] orthonormalRows(Random random, int m, int d, double[] avoid) {
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = random.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                if (avoid != null) {
                    subtract(v, avoid);
                }
                for (int p = 0; p < i; p++) {
                    subtract(v, out[p]);
                }
            }
            double norm = Math.sqrt(dot(v, v));
            for (int j = 0; j < d; j++) {
                v[j] /= norm;
            }
            out[i] = v;
        }
        return out;
    }

    private static void subtract(double[] v, double[] unit) {
        double overlap = dot(v, unit);
        for (int j = 0; j < v.length; j++) {
            v[j] -= overlap * unit[j];
        }
    }

    static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}

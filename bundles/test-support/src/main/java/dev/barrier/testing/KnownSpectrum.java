package dev.barrier.testing;

import java.util.Arrays;
import java.util.Random;

/**
 * Activation rows whose centred Gram matrix is known exactly: x_n = μ + Σ_i A_ni σ_i v_i, where the columns of A
 * are orthonormal and sum to zero, so the rows have mean μ and G = Σ_i σ_i² v_iᵀ v_i. The directions v_i are
 * orthonormal, and μ, v and A are drawn from a seeded {@link Random}, so the same arguments give the same rows.
 */
public final class KnownSpectrum {

    private final double[] mean;
    private final double[][] directions;
    private final double[] singularValues;
    private final double[][] rows;

    /**
     * Builds {@code n} rows of width {@code d} with the given singular values, largest first by convention.
     *
     * @throws IllegalArgumentException if there are more singular values than {@code d} or than {@code n - 1},
     *                                  because then the directions or the columns of A cannot be orthonormal
     */
    public KnownSpectrum(long seed, int n, int d, double[] singularValues) {
        int m = singularValues.length;
        if (m > d || m > n - 1) {
            throw new IllegalArgumentException("expected at most min(d, n - 1) = " + Math.min(d, n - 1)
                    + " singular values for " + n + " rows of width " + d + ", got " + m);
        }
        Random random = new Random(seed);
        this.singularValues = singularValues.clone();
        this.directions = orthonormalRows(random, m, d, null);
        this.mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = random.nextGaussian();
        }

        double[] ones = new double[n];
        Arrays.fill(ones, 1 / Math.sqrt(n));
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

    /** Returns μ, the mean of the rows, length d. */
    public double[] mean() {
        return mean.clone();
    }

    /** Returns the unit direction v_i of the i-th singular value, length d. */
    public double[] direction(int i) {
        return directions[i].clone();
    }

    /** Returns the rows, n arrays of length d. */
    public double[][] rows() {
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            copy[r] = rows[r].clone();
        }
        return copy;
    }

    /**
     * Returns Σ_{i ≥ from} σ_i² v_iᵀ v_i, the centred Gram matrix left after the first {@code from} directions,
     * d×d row-major.
     */
    public double[] gramFrom(int from) {
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
            // Two passes of Gram-Schmidt keep the rows orthogonal to rounding error.
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

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}

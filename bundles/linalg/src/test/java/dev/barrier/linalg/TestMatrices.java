package dev.barrier.linalg;

import java.util.Random;

/** Seeded random matrices and small dense helpers for the tests. */
final class TestMatrices {

    private TestMatrices() {
    }

    /** Returns n Gaussian rows of width d: x = mean + spread · N(0, 1), with correlated columns. */
    static double[][] rows(Random random, int n, int d, double mean, double spread) {
        double[][] mixing = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                mixing[i][j] = random.nextGaussian() / Math.sqrt(d);
            }
        }
        double[][] out = new double[n][d];
        double[] noise = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                noise[j] = random.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += mixing[i][j] * noise[j];
                }
                out[r][i] = mean + spread * sum;
            }
        }
        return out;
    }

    /** Returns a random orthogonal d×d matrix (rows orthonormal), by Gram-Schmidt on Gaussian rows. */
    static double[][] orthogonal(Random random, int d) {
        double[][] q = new double[d][d];
        for (int i = 0; i < d; i++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = random.nextGaussian();
            }
            // Two passes of Gram-Schmidt keep the rows orthonormal to rounding error.
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < i; p++) {
                    double overlap = dot(v, q[p]);
                    for (int j = 0; j < d; j++) {
                        v[j] -= overlap * q[p][j];
                    }
                }
            }
            double norm = Math.sqrt(dot(v, v));
            for (int j = 0; j < d; j++) {
                q[i][j] = v[j] / norm;
            }
        }
        return q;
    }

    /** Returns Qᵀ diag(values) Q, d×d row-major, for orthonormal rows Q. */
    static double[] withSpectrum(double[][] q, double[] values) {
        int d = q[0].length;
        double[] a = new double[d * d];
        for (int f = 0; f < values.length; f++) {
            for (int i = 0; i < d; i++) {
                double scaled = values[f] * q[f][i];
                for (int j = 0; j < d; j++) {
                    a[i * d + j] += scaled * q[f][j];
                }
            }
        }
        return a;
    }

    /** Returns the centred Gram matrix Σ (x − μ)(x − μ)ᵀ of rows by two passes, d×d row-major. */
    static double[] twoPassGram(double[][] rows, double[] mean) {
        int d = mean.length;
        double[] gram = new double[d * d];
        double[] c = new double[d];
        for (double[] row : rows) {
            for (int i = 0; i < d; i++) {
                c[i] = row[i] - mean[i];
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    gram[i * d + j] += c[i] * c[j];
                }
            }
        }
        return gram;
    }

    /** Returns the column means of rows. */
    static double[] mean(double[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int i = 0; i < d; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= rows.length;
        }
        return mean;
    }

    static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /** Returns max |a_i − b_i| / max |b_i|. */
    static double relativeError(double[] a, double[] b) {
        double difference = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            difference = Math.max(difference, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return difference / scale;
    }
}

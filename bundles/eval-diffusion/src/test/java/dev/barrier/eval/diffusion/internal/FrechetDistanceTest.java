package dev.barrier.eval.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barrier.eval.diffusion.internal.FrechetDistance.Gaussian;
import dev.barrier.linalg.StreamingMoments;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The Fréchet distance against closed forms. For Gaussians whose covariances share their eigenvectors Q,
 * Σ1 = Q diag(a) Qᵀ and Σ2 = Q diag(b) Qᵀ, the distance is ‖μ1 − μ2‖² + Σ_i (√a_i − √b_i)².
 */
class FrechetDistanceTest {

    private static final int D = 6;

    @Test
    void sampleWithItselfIsZero() {
        StreamingMoments moments = moments(sample(new double[D], diagonal(1, 2, 3, 0.5, 0.1, 4), 5000, 1));
        Gaussian gaussian = Gaussian.of(moments);
        assertEquals(0, FrechetDistance.between(gaussian, gaussian), 1e-9);
    }

    @Test
    void shiftedCopyAddsSquaredShift() {
        double[][] rows = sample(new double[D], rotated(new double[] {1, 2, 3, 0.5, 0.1, 4}, 2), 4000, 3);
        double[] shift = {0.5, -1, 0, 2, 0.25, -0.75};
        double[][] shifted = new double[rows.length][D];
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < D; i++) {
                shifted[r][i] = rows[r][i] + shift[i];
            }
        }
        double expected = 0;
        for (double s : shift) {
            expected += s * s;
        }
        // Same covariance, so the trace term vanishes up to rounding (1e-8 of a distance of 6.375).
        assertEquals(expected, FrechetDistance.between(Gaussian.of(moments(rows)), Gaussian.of(moments(shifted))),
                1e-8);
    }

    @Test
    void exactGaussiansMatchClosedForm() {
        double[] a = {1, 2, 3, 0.5, 0.1, 4};
        double[] b = {2, 0.5, 3, 1, 0.4, 0.25};
        double[] meanA = {0, 1, 2, 3, 4, 5};
        double[] meanB = {1, 1, 0, 3, 4, 6};
        double expected = 0;
        for (int i = 0; i < D; i++) {
            expected += (meanA[i] - meanB[i]) * (meanA[i] - meanB[i]);
            expected += (Math.sqrt(a[i]) - Math.sqrt(b[i])) * (Math.sqrt(a[i]) - Math.sqrt(b[i]));
        }
        double distance = FrechetDistance.between(new Gaussian(meanA, rotated(a, 7)), new Gaussian(meanB, rotated(b, 7)));
        assertEquals(expected, distance, 1e-9 * expected);
    }

    /**
     * From 20,000 samples of each Gaussian the estimate is within 2% of the closed form. The sampling error of
     * the covariances is about 1% at this size.
     */
    @Test
    void sampledGaussiansApproachClosedForm() {
        double[] a = {1, 2, 3, 0.5, 0.1, 4};
        double[] b = {2, 0.5, 3, 1, 0.4, 0.25};
        double[] meanB = {1, 0, 0, -1, 0, 2};
        double expected = 1 + 1 + 4;
        for (int i = 0; i < D; i++) {
            expected += (Math.sqrt(a[i]) - Math.sqrt(b[i])) * (Math.sqrt(a[i]) - Math.sqrt(b[i]));
        }
        Gaussian first = Gaussian.of(moments(sample(new double[D], rotated(a, 11), 20_000, 12)));
        Gaussian second = Gaussian.of(moments(sample(meanB, rotated(b, 11), 20_000, 13)));
        assertEquals(expected, FrechetDistance.between(first, second), 0.02 * expected);
    }

    @Test
    void squareRootSquaresBack() {
        double[] matrix = rotated(new double[] {4, 1, 0.25, 9, 2, 0}, 5);
        double[] root = FrechetDistance.squareRoot(matrix, D);
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                double value = 0;
                for (int k = 0; k < D; k++) {
                    value += root[i * D + k] * root[k * D + j];
                }
                assertEquals(matrix[i * D + j], value, 1e-10, "entry " + i + ", " + j);
            }
        }
    }

    @Test
    void widthsMustMatch() {
        Gaussian small = new Gaussian(new double[2], new double[4]);
        Gaussian large = new Gaussian(new double[3], new double[9]);
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(small, large));
        assertThrows(IllegalArgumentException.class, () -> new Gaussian(new double[2], new double[3]));
    }

    private static double[] diagonal(double... values) {
        double[] matrix = new double[values.length * values.length];
        for (int i = 0; i < values.length; i++) {
            matrix[i * values.length + i] = values[i];
        }
        return matrix;
    }

    /** Returns Q diag(values) Qᵀ for a random orthogonal Q (Gram–Schmidt on a seeded Gaussian matrix). */
    private static double[] rotated(double[] values, long seed) {
        int d = values.length;
        Random random = new Random(seed);
        double[][] q = new double[d][d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                q[k][i] = random.nextGaussian();
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += q[k][i] * q[j][i];
                }
                for (int i = 0; i < d; i++) {
                    q[k][i] -= dot * q[j][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                norm += q[k][i] * q[k][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                q[k][i] /= norm;
            }
        }
        double[] matrix = new double[d * d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    matrix[i * d + j] += values[k] * q[k][i] * q[k][j];
                }
            }
        }
        return matrix;
    }

    /** Draws rows from N(mean, covariance) as mean + L z with L the symmetric square root of the covariance. */
    private static double[][] sample(double[] mean, double[] covariance, int count, long seed) {
        int d = mean.length;
        double[] root = FrechetDistance.squareRoot(covariance, d);
        Random random = new Random(seed);
        double[][] rows = new double[count][d];
        double[] z = new double[d];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < d; i++) {
                z[i] = random.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double value = mean[i];
                for (int k = 0; k < d; k++) {
                    value += root[i * d + k] * z[k];
                }
                rows[r][i] = value;
            }
        }
        return rows;
    }

    private static StreamingMoments moments(double[][] rows) {
        StreamingMoments moments = new StreamingMoments(rows[0].length);
        moments.addRows(rows);
        return moments;
    }
}

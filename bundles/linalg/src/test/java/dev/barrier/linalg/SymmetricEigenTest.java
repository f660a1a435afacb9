package dev.barrier.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tests of the symmetric eigendecomposition against reconstruction and matrices of known spectrum. */
class SymmetricEigenTest {

    @Test
    void reconstructsRandomSymmetricMatrix() {
        int d = 30;
        Random random = new Random(21);
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = random.nextGaussian();
                a[i * d + j] = v;
                a[j * d + i] = v;
            }
        }

        SymmetricEigen eigen = SymmetricEigen.decompose(a, d);
        double[] values = eigen.values();
        double[][] vectors = eigen.vectors();
        for (int i = 1; i < d; i++) {
            assertTrue(values[i - 1] >= values[i], "descending at " + i);
        }
        double[] rebuilt = TestMatrices.withSpectrum(vectors, values);
        // Tolerance 1e-12 relative to the largest entry: a backward-stable decomposition of a 30x30 matrix.
        assertTrue(TestMatrices.relativeError(rebuilt, a) <= 1e-12, "reconstruction");
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(i == j ? 1 : 0, TestMatrices.dot(vectors[i], vectors[j]), 1e-12, "VVᵀ at " + i + "," + j);
            }
        }
    }

    @Test
    void findsKnownSpectrum() {
        int d = 12;
        double[][] q = TestMatrices.orthogonal(new Random(22), d);
        double[] expected = {50, 20, 10, 5, 3, 2, 1, 0.5, 0.25, 0.1, 0.01, 0};
        SymmetricEigen eigen = SymmetricEigen.decompose(TestMatrices.withSpectrum(q, expected), d);
        double[] values = eigen.values();
        for (int i = 0; i < d; i++) {
            assertEquals(expected[i], values[i], 1e-12 * 50, "eigenvalue " + i);
        }
        // Distinct eigenvalues: each eigenvector equals the generating row up to sign.
        double[][] vectors = eigen.vectors();
        for (int i = 0; i < d; i++) {
            assertEquals(1, Math.abs(TestMatrices.dot(vectors[i], q[i])), 1e-9, "eigenvector " + i);
        }
    }

    @Test
    void clampsNegativeEigenvaluesOfRankDeficientGram() {
        // Three rows of width 6 span at most 2 centred directions: 4 eigenvalues are zero up to rounding.
        double[][] rows = TestMatrices.rows(new Random(23), 3, 6, 1.0, 1.0);
        double[] gram = TestMatrices.twoPassGram(rows, TestMatrices.mean(rows));
        SymmetricEigen eigen = SymmetricEigen.decompose(gram, 6);
        double[] singular = eigen.singularValues();
        double[] values = eigen.values();
        for (int i = 0; i < 6; i++) {
            assertTrue(Double.isFinite(singular[i]), "singular value " + i);
            assertTrue(singular[i] >= 0, "singular value " + i);
            if (i >= 2) {
                assertTrue(Math.abs(values[i]) <= 1e-12 * values[0], "eigenvalue " + i + " = " + values[i]);
            }
        }
        assertEquals(Math.sqrt(values[0]), singular[0], 0);
    }

    @Test
    void rejectsInvalidMatrices() {
        IllegalArgumentException asymmetric = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.decompose(new double[] {1, 2, 3, 4}, 2));
        assertTrue(asymmetric.getMessage().contains("not symmetric"), asymmetric.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.decompose(new double[] {1, Double.NaN, Double.NaN, 4}, 2));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.decompose(new double[5], 2));
        assertTrue(length.getMessage().contains("2x2"), length.getMessage());
    }
}

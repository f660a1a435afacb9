package dev.barrier.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tests of the randomized range finder against the exact eigendecomposition. */
class RandomizedSvdTest {

    /** Returns a d×d PSD matrix whose top 8 eigenvalues (100 down to 65) lie far above the rest (1 down to 0.01). */
    private static double[] gappedMatrix(Random random, int d) {
        double[] spectrum = new double[d];
        for (int i = 0; i < d; i++) {
            spectrum[i] = i < 8 ? 100 - 5 * i : Math.pow(10, -2.0 * (i - 8) / (d - 9));
        }
        return TestMatrices.withSpectrum(TestMatrices.orthogonal(random, d), spectrum);
    }

    @Test
    void matchesExactTopSubspace() {
        int d = 150;
        double[] matrix = gappedMatrix(new Random(51), d);
        SymmetricEigen exact = SymmetricEigen.decompose(matrix, d);
        SymmetricEigen randomized = new RandomizedSvd(8, 7).decompose(matrix, d);

        assertEquals(8, randomized.count());
        double[][] exactTop = Arrays.copyOf(exact.vectors(), 8);
        double angle = PrincipalAngles.largest(exactTop, randomized.vectors());
        assertTrue(angle < 1e-3, "largest principal angle " + angle);
        double[] exactValues = exact.values();
        double[] values = randomized.values();
        for (int i = 0; i < 8; i++) {
            assertEquals(exactValues[i], values[i], 1e-6 * exactValues[i], "eigenvalue " + i);
        }
        double[][] vectors = randomized.vectors();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(i == j ? 1 : 0, TestMatrices.dot(vectors[i], vectors[j]), 1e-12);
            }
        }
    }

    @Test
    void sameSeedSameResult() {
        double[] matrix = gappedMatrix(new Random(52), 60);
        SymmetricEigen first = new RandomizedSvd(8, 3, 1, 99).decompose(matrix, 60);
        SymmetricEigen second = new RandomizedSvd(8, 3, 1, 99).decompose(matrix, 60);
        assertArrayEquals(first.values(), second.values(), 0);
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(first.vectors()[i], second.vectors()[i], 0);
        }
    }

    @Test
    void fullRankIsExact() {
        // With k + oversampling >= d the range is the whole space and the result is the exact decomposition.
        double[] matrix = gappedMatrix(new Random(53), 12);
        SymmetricEigen exact = SymmetricEigen.decompose(matrix, 12);
        SymmetricEigen randomized = new RandomizedSvd(12, 0).decompose(matrix, 12);
        assertArrayEquals(exact.values(), randomized.values(), 1e-10);
    }

    @Test
    void rejectsInvalidSettings() {
        IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class,
                () -> new RandomizedSvd(5, 0).decompose(new double[16], 4));
        assertTrue(tooWide.getMessage().contains("5"), tooWide.getMessage());
        assertTrue(tooWide.getMessage().contains("4"), tooWide.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RandomizedSvd(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RandomizedSvd(3, -1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new RandomizedSvd(3, 10, -1, 0));
    }
}

package dev.barrier.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Tests of type-7 quantiles by selection against a reference that sorts the whole sample, and against values
 * printed by {@code numpy.quantile} (NumPy 2.4, default method "linear").
 */
class QuantilesTest {

    private static final double[] PROBABILITIES = {0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1};

    /** Type 7 from a fully sorted copy: the textbook definition. */
    private static double sortedReference(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = p * (sorted.length - 1);
        int j = (int) Math.floor(h);
        double fraction = h - j;
        if (j + 1 >= sorted.length || fraction == 0) {
            return sorted[j];
        }
        return sorted[j] + fraction * (sorted[j + 1] - sorted[j]);
    }

    @Test
    void matchesSortedReferenceWithTies() {
        Random random = new Random(41);
        for (int n : new int[] {1, 2, 3, 10, 101, 1000, 4097}) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // About half the values come from 21 integers, so ties are frequent.
                values[i] = random.nextBoolean() ? random.nextInt(21) : random.nextGaussian() * 10;
            }
            for (double p : PROBABILITIES) {
                assertEquals(sortedReference(values, p), Quantiles.type7(values, p), 0, "n=" + n + ", p=" + p);
            }
            for (int trial = 0; trial < 20; trial++) {
                double p = random.nextDouble();
                assertEquals(sortedReference(values, p), Quantiles.type7(values, p), 0, "n=" + n + ", p=" + p);
            }
        }
    }

    @Test
    void matchesNumpyValues() {
        assertEquals(1.15, Quantiles.type7(new double[] {1, 2, 3, 4}, 0.05), 1e-15);
        assertEquals(2.0, Quantiles.type7(new double[] {3, 1, 2}, 0.5), 0);
        assertEquals(9.55, Quantiles.type7(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 0.95), 1e-14);
        double[] tied = {5, 5, 1, 5, 9, 5};
        assertEquals(2.0, Quantiles.type7(tied, 0.05), 1e-15);
        assertEquals(5.0, Quantiles.type7(tied, 0.3), 0);
        assertEquals(8.0, Quantiles.type7(tied, 0.95), 1e-14);
    }

    @Test
    void singleValueIsEveryQuantile() {
        for (double p : PROBABILITIES) {
            assertEquals(7.5, Quantiles.type7(new double[] {7.5}, p), 0);
        }
    }

    @Test
    void allEqualValues() {
        double[] values = new double[100_000];
        Arrays.fill(values, -3.25);
        assertEquals(-3.25, Quantiles.type7(values, 0.05), 0);
        assertEquals(-3.25, Quantiles.type7(values, 0.95), 0);
    }

    @Test
    void copyLeavesInputAndInPlaceKeepsValues() {
        double[] values = {4, -1, 3, 3, 0, 8, 2};
        double[] original = values.clone();
        Quantiles.type7(values, 0.3);
        assertArrayEquals(original, values, 0);

        double low = Quantiles.type7InPlace(values, 0.05);
        double high = Quantiles.type7InPlace(values, 0.95);
        assertEquals(sortedReference(original, 0.05), low, 0);
        assertEquals(sortedReference(original, 0.95), high, 0);
        double[] sortedOriginal = original.clone();
        Arrays.sort(sortedOriginal);
        Arrays.sort(values);
        assertArrayEquals(sortedOriginal, values, 0);
    }

    @Test
    void rejectsInvalidInput() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Quantiles.type7(new double[0], 0.5));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Quantiles.type7(new double[] {1, Double.NaN}, 0.5));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException probability = assertThrows(IllegalArgumentException.class,
                () -> Quantiles.type7(new double[] {1, 2}, 95));
        assertTrue(probability.getMessage().contains("95"), probability.getMessage());
    }
}

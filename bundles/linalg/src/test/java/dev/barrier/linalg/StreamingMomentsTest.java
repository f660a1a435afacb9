package dev.barrier.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.projection.ActivationStatistics;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Tests of the streaming merge. Reference values come from a two-pass computation over all rows held in memory
 * (mean first, then centred outer products), which is the numerically sound textbook formula.
 */
class StreamingMomentsTest {

    @Test
    void oneBatchMatchesSevenBatches() {
        double[][] rows = TestMatrices.rows(new Random(11), 1000, 12, 3.0, 2.0);
        StreamingMoments whole = new StreamingMoments(12);
        whole.addRows(rows);

        StreamingMoments split = new StreamingMoments(12);
        int[] sizes = {1, 13, 200, 77, 400, 9, 300};
        int start = 0;
        for (int size : sizes) {
            split.addRows(Arrays.copyOfRange(rows, start, start + size));
            start += size;
        }

        assertEquals(1000, start);
        assertEquals(whole.count(), split.count());
        // Tolerance 1e-10 relative to the largest entry.
        assertTrue(TestMatrices.relativeError(split.mean(), whole.mean()) <= 1e-10, "mean");
        assertTrue(TestMatrices.relativeError(split.gram(), whole.gram()) <= 1e-10, "Gram matrix");
    }

    @Test
    void matchesTwoPassReferenceWithLargeMean() {
        // Mean 1e4 against a spread of 1e-2: the one-pass formula Σxxᵀ − Nμμᵀ cancels terms of size N·1e8.
        int n = 10_000;
        int d = 8;
        double[][] rows = TestMatrices.rows(new Random(12), n, d, 1e4, 1e-2);
        double[] referenceMean = TestMatrices.mean(rows);
        double[] referenceGram = TestMatrices.twoPassGram(rows, referenceMean);

        StreamingMoments moments = new StreamingMoments(d);
        for (int start = 0; start < n; start += 500) {
            moments.addRows(Arrays.copyOfRange(rows, start, start + 500));
        }

        double[] naiveGram = new double[d * d];
        for (double[] row : rows) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    naiveGram[i * d + j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                naiveGram[i * d + j] -= n * referenceMean[i] * referenceMean[j];
            }
        }

        double streamingError = TestMatrices.relativeError(moments.gram(), referenceGram);
        double naiveError = TestMatrices.relativeError(naiveGram, referenceGram);
        assertTrue(TestMatrices.relativeError(moments.mean(), referenceMean) <= 1e-14, "mean");
        assertTrue(streamingError <= 1e-9, "streaming Gram error " + streamingError);
        assertTrue(naiveError > 1e-6, "the case should defeat the one-pass formula, error " + naiveError);
    }

    @Test
    void addMergesPrecomputedBatchMoments() {
        double[][] rows = TestMatrices.rows(new Random(13), 300, 5, -2.0, 0.5);
        StreamingMoments fromRows = new StreamingMoments(5);
        StreamingMoments fromMoments = new StreamingMoments(5);
        for (int start = 0; start < 300; start += 100) {
            double[][] batch = Arrays.copyOfRange(rows, start, start + 100);
            fromRows.addRows(batch);
            double[] batchMean = TestMatrices.mean(batch);
            fromMoments.add(batch.length, batchMean, TestMatrices.twoPassGram(batch, batchMean));
        }
        assertTrue(TestMatrices.relativeError(fromMoments.gram(), fromRows.gram()) <= 1e-12);
        assertTrue(TestMatrices.relativeError(fromMoments.mean(), fromRows.mean()) <= 1e-14);
    }

    @Test
    void emptyBatchChangesNothing() {
        StreamingMoments moments = new StreamingMoments(2);
        moments.addRows(new double[][] {{1, 2}, {3, 5}});
        double[] gram = moments.gram();
        moments.add(0, new double[] {100, 100}, new double[] {7, 0, 0, 7});
        moments.addRows(new double[0][]);
        assertEquals(2, moments.count());
        assertArrayEquals(new double[] {2, 3.5}, moments.mean(), 0);
        assertArrayEquals(gram, moments.gram(), 0);
        // Two rows (1, 2) and (3, 5): centred (∓1, ∓1.5), so G = [[2, 3], [3, 4.5]].
        assertArrayEquals(new double[] {2, 3, 3, 4.5}, gram, 1e-15);
    }

    @Test
    void invalidBatchIsRejectedAndStateKept() {
        StreamingMoments moments = new StreamingMoments(2);
        moments.addRows(new double[][] {{1, 2}, {3, 5}});

        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> moments.add(-1, new double[2], new double[4]));
        assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> moments.add(3, new double[3], new double[4]));
        assertTrue(shape.getMessage().contains("length 2"), shape.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> moments.add(3, new double[] {1, Double.NaN}, new double[4]));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
                () -> moments.addRows(new double[][] {{1, 2}, {1, 2, 3}}));
        assertTrue(row.getMessage().contains("row 1"), row.getMessage());

        assertEquals(2, moments.count());
        assertArrayEquals(new double[] {2, 3.5}, moments.mean(), 0);
        assertThrows(IllegalArgumentException.class, () -> new StreamingMoments(0));
    }

    @Test
    void statisticsCarryCountsAndCopies() {
        StreamingMoments moments = new StreamingMoments(2);
        moments.addRows(new double[][] {{1, 2}, {3, 5}, {2, 2}});
        ActivationStatistics statistics = moments.toStatistics("fc", 4);

        assertEquals("fc", statistics.layer());
        assertEquals(3, statistics.count());
        assertEquals(4, statistics.nonFiniteRows());
        assertArrayEquals(moments.mean(), statistics.mean(), 0);
        assertArrayEquals(moments.gram(), statistics.gram(), 0);
        statistics.mean()[0] = 99;
        assertEquals(2, moments.mean()[0], 1e-15);
    }
}

package dev.barrier.linalg;

import dev.barrier.api.projection.ActivationStatistics;

/**
 * The count N, mean μ and centred Gram matrix G = Σ (x − μ)(x − μ)ᵀ of a stream of activation rows of width d,
 * accumulated in double precision in O(d²) memory, however many rows arrive.
 *
 * <p>Batches are merged with the pairwise update of Chan, Golub and LeVeque (1979): for a running state
 * (n_a, μ_a, G_a) and a batch (n_b, μ_b, G_b), with δ = μ_b − μ_a and n = n_a + n_b,
 * μ = μ_a + δ·n_b/n and G = G_a + G_b + δδᵀ·n_a·n_b/n. Unlike the one-pass formula G = Σxxᵀ − Nμμᵀ it does not
 * cancel large terms, so it keeps its precision when the mean is large against the spread (as after a ReLU).
 * The batches' own means and centred Gram matrices come from the caller (usually the tensor engine, in float64)
 * or from {@link #addRows}.
 *
 * <p>Instances are not thread-safe.
 */
public final class StreamingMoments {

    private final int width;
    private long count;
    private final double[] mean;
    private final double[] gram;

    /**
     * Creates empty moments for rows of width {@code width}.
     *
     * @throws IllegalArgumentException if {@code width} is less than 1
     */
    public StreamingMoments(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("row width must be at least 1, got " + width);
        }
        this.width = width;
        this.mean = new double[width];
        this.gram = new double[width * width];
    }

    /**
     * Merges the moments of one batch.
     *
     * @param n                 the batch's row count; a batch of 0 rows changes nothing
     * @param batchMean         the batch's mean, length d
     * @param batchCentredGram  the batch's centred Gram matrix Σ (x − mean_b)(x − mean_b)ᵀ, d×d row-major
     * @throws IllegalArgumentException if {@code n} is negative, a length is not d or d², or a value is NaN or
     *         infinite; the state is then unchanged
     */
    public void add(long n, double[] batchMean, double[] batchCentredGram) {
        if (n < 0) {
            throw new IllegalArgumentException("batch row count must not be negative, got " + n);
        }
        if (batchMean.length != width || batchCentredGram.length != width * width) {
            throw new IllegalArgumentException("expected a batch mean of length " + width + " and a Gram matrix of "
                    + width + "x" + width + " = " + (width * width) + " entries, got " + batchMean.length + " and "
                    + batchCentredGram.length);
        }
        requireFinite(batchMean, "batch mean");
        requireFinite(batchCentredGram, "batch Gram matrix");
        if (n == 0) {
            return;
        }

        long total = count + n;
        double[] delta = new double[width];
        for (int i = 0; i < width; i++) {
            delta[i] = batchMean[i] - mean[i];
        }
        double weight = (double) count * (double) n / (double) total;
        double share = (double) n / (double) total;

        for (int i = 0; i < width; i++) {
            int offset = i * width;
            double scaled = delta[i] * weight;
            for (int j = 0; j < width; j++) {
                gram[offset + j] += batchCentredGram[offset + j] + scaled * delta[j];
            }
            mean[i] += delta[i] * share;
        }
        count = total;
    }

    /**
     * Merges rows held in memory. Their own mean and centred Gram matrix are computed in two passes (mean first,
     * then centred outer products), which keeps full double precision.
     *
     * @param rows one array of length d per row; an empty array changes nothing
     * @throws IllegalArgumentException if a row does not have length d or contains NaN or infinite values
     */
    public void addRows(double[][] rows) {
        if (rows.length == 0) {
            return;
        }
        double[] batchMean = new double[width];
        for (int r = 0; r < rows.length; r++) {
            double[] row = rows[r];
            if (row.length != width) {
                throw new IllegalArgumentException("row " + r + " has length " + row.length + ", expected " + width);
            }
            for (int i = 0; i < width; i++) {
                batchMean[i] += row[i];
            }
        }
        for (int i = 0; i < width; i++) {
            batchMean[i] /= rows.length;
        }

        double[] batchGram = new double[width * width];
        double[] centred = new double[width];
        for (double[] row : rows) {
            for (int i = 0; i < width; i++) {
                centred[i] = row[i] - batchMean[i];
            }
            // Upper triangle only; mirrored below, so the result is exactly symmetric.
            for (int i = 0; i < width; i++) {
                double ci = centred[i];
                int offset = i * width;
                for (int j = i; j < width; j++) {
                    batchGram[offset + j] += ci * centred[j];
                }
            }
        }
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < i; j++) {
                batchGram[i * width + j] = batchGram[j * width + i];
            }
        }
        add(rows.length, batchMean, batchGram);
    }

    /** Returns d, the row width. */
    public int width() {
        return width;
    }

    /** Returns N, the number of rows merged so far. */
    public long count() {
        return count;
    }

    /** Returns a copy of μ (all zeros while N = 0). */
    public double[] mean() {
        return mean.clone();
    }

    /** Returns a copy of G, d×d row-major (all zeros while N = 0). */
    public double[] gram() {
        return gram.clone();
    }

    /**
     * Returns the moments as the API's statistics record, with copies of the arrays.
     *
     * @param layer         the layer (and group) the rows came from
     * @param nonFiniteRows rows that the caller replaced by zeros because they held NaN or infinite values
     */
    public ActivationStatistics toStatistics(String layer, long nonFiniteRows) {
        return new ActivationStatistics(layer, count, mean.clone(), gram.clone(), nonFiniteRows);
    }

    private static void requireFinite(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + " contains " + values[i] + " at index " + i
                        + "; expected finite values");
            }
        }
    }
}

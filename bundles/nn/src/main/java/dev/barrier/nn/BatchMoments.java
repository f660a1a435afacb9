package dev.barrier.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;

/**
 * The count, mean and centred Gram matrix of one batch of activation rows, computed by the tensor engine in
 * float64 (the rows are converted first): mean = Σx / n and G = Σ (x − mean)(x − mean)ᵀ. Merging batches is
 * the job of the caller (the linear algebra bundle's streaming moments), which needs only these three values.
 *
 * @param count         n, the number of rows
 * @param mean          length d
 * @param gram          d×d row-major
 * @param nonFiniteRows rows that held NaN or infinite values (see {@link #of(NDArray, boolean)})
 */
public record BatchMoments(long count, double[] mean, double[] gram, long nonFiniteRows) {

    /**
     * Computes the moments of rows [n, d].
     *
     * @param replaceNonFinite whether rows with NaN or infinite values are replaced by zero rows (and counted);
     *                         otherwise they are only counted and the moments are not computed
     * @return the moments; when non-finite rows were found and not replaced, {@code mean} and {@code gram} are
     *         empty arrays and only the counts are set
     */
    public static BatchMoments of(NDArray rows, boolean replaceNonFinite) {
        if (rows.getShape().dimension() != 2) {
            throw new IllegalArgumentException("expected activation rows [n, d], got shape " + rows.getShape());
        }
        long n = rows.getShape().get(0);
        int d = (int) rows.getShape().get(1);
        NDArray x = rows.toType(DataType.FLOAT64, false);
        NDArray badEntries = x.isNaN().logicalOr(x.isInfinite());
        NDArray badRows = badEntries.toType(DataType.INT32, false).max(new int[] {1}).gt(0);
        long nonFinite = badRows.toType(DataType.INT64, false).sum().getLong();
        if (nonFinite > 0) {
            if (!replaceNonFinite) {
                return new BatchMoments(n, new double[0], new double[0], nonFinite);
            }
            NDArray badMask = badRows.expandDims(1).broadcast(x.getShape());
            x = NDArrays.where(badMask, x.zerosLike(), x);
        }
        if (n == 0) {
            return new BatchMoments(0, new double[d], new double[d * d], 0);
        }
        NDArray mean = x.mean(new int[] {0});
        NDArray centred = x.sub(mean);
        NDArray gram = centred.transpose().matMul(centred);
        return new BatchMoments(n, mean.toDoubleArray(), gram.toDoubleArray(), nonFinite);
    }
}

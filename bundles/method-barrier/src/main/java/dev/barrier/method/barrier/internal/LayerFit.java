package dev.barrier.method.barrier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.linalg.StreamingMoments;
import dev.barrier.nn.BatchMoments;

import java.util.Arrays;

/**
 * The fitting state of one protected map (a target layer, or one group of a grouped convolution): streaming
 * moments from the first pass, the projection, the projected forget rows from the second pass, the retain
 * bounds, and finally the region.
 */
final class LayerFit {

    final LayerInfo layer;
    final int group;
    final ActivationExtractor extractor;
    final StreamingMoments moments;
    long nonFiniteRows;
    long rowsSeen;
    Projection projection;
    long projectedStride = 1;
    private double[][] columns;
    private int columnLength;
    private long rowIndex;
    double[] retainMin;
    double[] retainMax;
    IntervalRegion region;

    LayerFit(LayerInfo layer, int group, ActivationExtractor extractor) {
        this.layer = layer;
        this.group = group;
        this.extractor = extractor;
        this.moments = new StreamingMoments(extractor.rowWidth(layer));
    }

    /** Returns the display name: the layer, with {@code [g]} for groups of a grouped convolution. */
    String name() {
        return extractor.groups(layer) > 1 ? layer.name() + "[" + group + "]" : layer.name();
    }

    /** First pass: merges the moments of one batch of the layer's input. */
    void accumulate(NDArray layerInput, boolean replaceNonFinite) {
        NDArray rows = extractor.rows(layer, layerInput, group);
        BatchMoments batch = BatchMoments.of(rows, replaceNonFinite);
        rowsSeen += batch.count();
        nonFiniteRows += batch.nonFiniteRows();
        if (batch.mean().length > 0) {
            moments.add(batch.count(), batch.mean(), batch.gram());
        }
    }

    /** Prepares the second pass: decides the stride that keeps at most {@code maxRows} projected rows. */
    void startProjection(Projection fitted, long maxRows) {
        this.projection = fitted;
        long n = moments.count();
        this.projectedStride = Math.max(1, (n + maxRows - 1) / maxRows);
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (n + projectedStride - 1) / projectedStride);
        this.columns = new double[fitted.reducedDim()][capacity];
        this.columnLength = 0;
        this.rowIndex = 0;
    }

    /** Second pass: projects one batch, z = U_f (x − μ), keeping every {@code projectedStride}-th row. */
    void project(NDArray layerInput, boolean replaceNonFinite, NDManager manager) {
        int k = projection.reducedDim();
        NDArray rows = finiteRows(extractor.rows(layer, layerInput, group), replaceNonFinite);
        long n = rows.getShape().get(0);
        if (k == 0 || n == 0) {
            rowIndex += n;
            return;
        }
        double[] z = projectRows(rows, manager);
        for (int r = 0; r < n; r++, rowIndex++) {
            if (rowIndex % projectedStride != 0) {
                continue;
            }
            if (columnLength == columns[0].length) {
                for (int i = 0; i < k; i++) {
                    columns[i] = Arrays.copyOf(columns[i], columnLength + Math.max(16, columnLength / 2));
                }
            }
            for (int i = 0; i < k; i++) {
                columns[i][columnLength] = z[r * k + i];
            }
            columnLength++;
        }
    }

    /** Retain pass: widens the per-direction minimum and maximum of the retain rows' projections. */
    void retainBounds(NDArray layerInput, NDManager manager) {
        int k = projection.reducedDim();
        NDArray rows = finiteRows(extractor.rows(layer, layerInput, group), true);
        long n = rows.getShape().get(0);
        if (k == 0 || n == 0) {
            return;
        }
        if (retainMin == null) {
            retainMin = new double[k];
            retainMax = new double[k];
            Arrays.fill(retainMin, Double.POSITIVE_INFINITY);
            Arrays.fill(retainMax, Double.NEGATIVE_INFINITY);
        }
        double[] z = projectRows(rows, manager);
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                double v = z[r * k + i];
                retainMin[i] = Math.min(retainMin[i], v);
                retainMax[i] = Math.max(retainMax[i], v);
            }
        }
    }

    /** Returns the projected forget rows by direction, trimmed to the rows kept. */
    double[][] projectedColumns() {
        double[][] out = new double[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            out[i] = Arrays.copyOf(columns[i], columnLength);
        }
        return out;
    }

    /** Releases the projected rows once the region is fitted. */
    void releaseColumns() {
        columns = new double[0][0];
        columnLength = 0;
    }

    private double[] projectRows(NDArray rows, NDManager manager) {
        int d = projection.width();
        int k = projection.reducedDim();
        double[] basis = new double[k * d];
        for (int i = 0; i < k; i++) {
            System.arraycopy(projection.forgetBasis()[i], 0, basis, i * d, d);
        }
        NDArray mean = manager.create(projection.mean());
        NDArray uT = manager.create(basis, new Shape(k, d)).transpose();
        return rows.toType(DataType.FLOAT64, false).sub(mean).matMul(uT).toDoubleArray();
    }

    private static NDArray finiteRows(NDArray rows, boolean replace) {
        if (!replace) {
            return rows;
        }
        NDArray bad = rows.isNaN().logicalOr(rows.isInfinite());
        return ai.djl.ndarray.NDArrays.where(bad, rows.zerosLike(), rows);
    }
}

package dev.barrier.loss.barrier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import dev.barrier.api.loss.ProtectedLayer;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.RegionMode;

/**
 * The snapshot and constants of one protected linear map (a layer, or one group of a grouped convolution),
 * and the three terms of the protection loss for it. All arrays live in the manager given at construction.
 *
 * <p>Shapes: C = output width, d = row width, k = forget directions, r = residual rank.
 */
final class ProtectedMap {

    private final ProtectedLayer protectedLayer;
    private final int units;
    private final NDArray weightSnapshot;
    private final NDArray biasSnapshot;
    private final NDArray mean;
    private final NDArray residualGram;
    /** 1 / (C · r), or 1 / (C · r · N); a float so that it keeps the weight's float32 type. */
    private final NDArray residualFactor;
    private final NDArray inverseUnits;
    private final NDArray forgetBasisTransposed;
    private final NDArray positiveCorners;
    private final NDArray negativeCorners;
    private final RegionMode mode;

    /**
     * Uploads the constants of {@code protectedLayer} into {@code manager}.
     *
     * @param weightSnapshot W₀ [C, d], already detached and owned by {@code manager}
     * @param biasSnapshot   b₀ [C], or null when the layer has no bias
     * @param dataType       the data type of the layer's weight, which the constants take
     * @throws IllegalArgumentException if the projection or region contains non-finite values, or a residual
     *         needs a row count that is zero
     */
    ProtectedMap(ProtectedLayer protectedLayer, NDArray weightSnapshot, NDArray biasSnapshot,
            BarrierLossSettings settings, NDManager manager, DataType dataType) {
        this.protectedLayer = protectedLayer;
        this.weightSnapshot = weightSnapshot;
        this.biasSnapshot = biasSnapshot;
        this.units = (int) weightSnapshot.getShape().get(0);
        this.inverseUnits = scalar(manager, 1.0 / units, dataType);
        Projection projection = protectedLayer.projection();
        IntervalRegion region = protectedLayer.region();
        String name = protectedLayer.displayName();
        int d = projection.width();
        int k = projection.reducedDim();
        int r = projection.residualRank();

        this.mean = settings.meanTerm() ? constant(manager, finite(name, "mean", projection.mean()), new Shape(d, 1),
                dataType) : null;

        if (settings.residualTerm() && r > 0) {
            double rows = projection.rowCount();
            if (settings.residualScale() == ResidualScale.PER_ROW && !(rows > 0)) {
                throw new IllegalArgumentException("layer " + name + ": the per-row residual scale needs the number"
                        + " of activation rows, but the projection reports " + projection.rowCount());
            }
            this.residualGram = constant(manager, finite(name, "residual Gram matrix", projection.residualGram()),
                    new Shape(d, d), dataType);
            double divisor = (double) units * r * (settings.residualScale() == ResidualScale.PER_ROW ? rows : 1);
            this.residualFactor = scalar(manager, 1 / divisor, dataType);
        } else {
            this.residualGram = null;
            this.residualFactor = null;
        }

        this.mode = region.mode();
        if (settings.intervalTerm() && k > 0) {
            double[] basis = new double[d * k];
            double[][] directions = projection.forgetBasis();
            for (int i = 0; i < k; i++) {
                double[] direction = finite(name, "forget direction " + i, directions[i]);
                for (int j = 0; j < d; j++) {
                    basis[j * k + i] = direction[j];
                }
            }
            this.forgetBasisTransposed = constant(manager, basis, new Shape(d, k), dataType);
            double[] low = finite(name, "outer box low", region.outerLow());
            double[] forgetLow = finite(name, "forget box low", region.forgetLow());
            double[] forgetHigh = finite(name, "forget box high", region.forgetHigh());
            double[] high = finite(name, "outer box high", region.outerHigh());
            // Column c of the interval range matrix is D⁺ · positive[:, c] − D⁻ · negative[:, c].
            double[][] positive;
            double[][] negative;
            if (mode == RegionMode.CORNER) {
                // lo_L = D⁺L − D⁻a, hi_L = D⁺a − D⁻L, lo_H = D⁺b − D⁻H, hi_H = D⁺H − D⁻b.
                positive = new double[][] {low, forgetLow, forgetHigh, high};
                negative = new double[][] {forgetLow, low, high, forgetHigh};
            } else {
                // lo = D⁺L − D⁻H, hi = D⁺H − D⁻L over the whole outer box.
                positive = new double[][] {low, high};
                negative = new double[][] {high, low};
            }
            this.positiveCorners = constant(manager, columns(positive), new Shape(k, positive.length), dataType);
            this.negativeCorners = constant(manager, columns(negative), new Shape(k, negative.length), dataType);
        } else {
            this.forgetBasisTransposed = null;
            this.positiveCorners = null;
            this.negativeCorners = null;
        }
    }

    /** Returns the protected layer this map was prepared for. */
    ProtectedLayer protectedLayer() {
        return protectedLayer;
    }

    /** Returns W₀ [C, d]. */
    NDArray weightSnapshot() {
        return weightSnapshot;
    }

    /**
     * Computes the enabled terms for the current weights.
     *
     * @param weight the current W [C, d], differentiable
     * @param bias   the current b [C], or null when the layer has no bias
     * @return each enabled term as a scalar; a term is null when disabled or when it has nothing to measure
     *         (no residual, no forget directions)
     */
    Terms terms(NDArray weight, NDArray bias) {
        NDArray deltaWeight = weight.sub(weightSnapshot);

        NDArray meanTerm = null;
        if (mean != null) {
            // g = ΔW μ + Δb; L_mean = ‖g‖² / C.
            NDArray shift = deltaWeight.matMul(mean).reshape(units);
            if (bias != null) {
                shift = shift.add(bias.sub(biasSnapshot));
            }
            meanTerm = shift.square().sum().mul(inverseUnits);
        }

        NDArray residualTerm = null;
        if (residualGram != null) {
            // tr(ΔW G_r ΔWᵀ) = ‖ΔW U_rᵀ diag(s_r)‖²_F, divided by C · r (and by N for the per-row scale).
            residualTerm = deltaWeight.matMul(residualGram).mul(deltaWeight).sum().mul(residualFactor);
        }

        NDArray intervalTerm = null;
        if (forgetBasisTransposed != null) {
            // D = ΔW U_fᵀ [C, k]; each column of the range matrix is one bound of (D z) over a box.
            NDArray projected = deltaWeight.matMul(forgetBasisTransposed);
            NDArray positivePart = Activation.relu(projected);
            NDArray negativePart = Activation.relu(projected.neg());
            NDArray bounds = positivePart.matMul(positiveCorners).sub(negativePart.matMul(negativeCorners));
            NDArray squared = bounds.square();
            // corner: mean over units of lo_L² + hi_L² + lo_H² + hi_H²; complement: of max(lo², hi²).
            intervalTerm = (mode == RegionMode.CORNER ? squared.sum() : squared.max(new int[] {1}).sum())
                    .mul(inverseUnits);
        }
        return new Terms(meanTerm, residualTerm, intervalTerm);
    }

    /** The terms of one map for one evaluation; null entries are absent terms. */
    record Terms(NDArray mean, NDArray residual, NDArray interval) {
    }

    /**
     * Uploads a scalar factor as an array of {@code dataType} owned by {@code manager}.
     *
     * <p>The terms multiply by such arrays rather than by Java numbers: DJL turns a number operand into an array
     * over a Java buffer without copying it, and when that array is closed at the end of {@link #terms}'s caller's
     * scope, backpropagation, which runs later, would read freed memory.
     */
    static NDArray scalar(NDManager manager, double value, DataType dataType) {
        return constant(manager, new double[] {value}, new Shape(), dataType);
    }

    /**
     * Uploads values as an array of {@code dataType} owned by {@code manager}. The array is taken out of any
     * open {@link NDScope}, so that it lives as long as its manager.
     */
    private static NDArray constant(NDManager manager, double[] values, Shape shape, DataType dataType) {
        NDArray array = manager.create(values, shape);
        if (dataType != DataType.FLOAT64) {
            NDArray converted = array.toType(dataType, false);
            array.close();
            array = converted;
        }
        NDScope.unregister(array);
        return array;
    }

    private static double[] columns(double[][] vectors) {
        int k = vectors[0].length;
        int count = vectors.length;
        double[] out = new double[k * count];
        for (int c = 0; c < count; c++) {
            for (int i = 0; i < k; i++) {
                out[i * count + c] = vectors[c][i];
            }
        }
        return out;
    }

    private static double[] finite(String layer, String quantity, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("layer " + layer + ": " + quantity + " has the non-finite value "
                        + values[i] + " at index " + i);
            }
        }
        return values;
    }
}

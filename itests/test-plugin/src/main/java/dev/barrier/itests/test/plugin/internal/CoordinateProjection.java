package dev.barrier.itests.test.plugin.internal;

import dev.barrier.api.projection.ActivationStatistics;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.projection.ProjectionStrategy;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Fits a projection whose forget subspace is spanned by the coordinate axes e_0 … e_{k−1}.
 *
 * <p>The directions are those unit vectors, ordered by their Gram diagonal G_ii, largest first, so that the
 * singular values s_i = √G_ii are descending as {@link Projection} requires (ties keep the lower index
 * first). Each unit vector's only non-zero entry is +1, so the sign rule is met without flipping. The
 * residual Gram matrix is G − Σ s_i² e_i e_iᵀ: G with the first k diagonal entries set to zero, and the
 * residual rank is min(N, d) − k, or 0 when that is negative. Residual singular values are not computed.
 *
 * <p>Note: unlike a principal-component strategy, the directions ignore the data, so the residual Gram
 * matrix keeps the cross terms between kept and other axes; it is a valid input for the protection loss but
 * not the best split of the variance.
 */
final class CoordinateProjection implements ProjectionStrategy {

    /** The name pipeline files use. */
    static final String NAME = "test-coordinate";

    private final int reducedDim;

    CoordinateProjection(int reducedDim) {
        if (reducedDim < 1) {
            throw new IllegalArgumentException("reducedDim must be at least 1, got " + reducedDim);
        }
        this.reducedDim = reducedDim;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the statistics hold no rows, if reducedDim exceeds the row width,
     *         or if a kept axis has a negative or non-finite Gram diagonal entry
     */
    @Override
    public Projection fit(ActivationStatistics statistics) {
        String layer = statistics.layer();
        int d = statistics.width();
        long n = statistics.count();
        if (n == 0) {
            throw new IllegalArgumentException("layer " + layer + ": cannot fit a projection to 0 activation rows");
        }
        if (reducedDim > d) {
            throw new IllegalArgumentException("layer " + layer + ": reducedDim " + reducedDim
                    + " exceeds the row width " + d);
        }

        Integer[] axes = new Integer[reducedDim];
        for (int i = 0; i < reducedDim; i++) {
            double variance = statistics.gram(i, i);
            if (!(variance >= 0) || Double.isInfinite(variance)) {
                throw new IllegalArgumentException("layer " + layer + ": Gram diagonal entry " + i
                        + " is " + variance + ", expected a finite value of at least 0");
            }
            axes[i] = i;
        }
        Arrays.sort(axes, Comparator.comparingDouble((Integer axis) -> -statistics.gram(axis, axis))
                .thenComparingInt(axis -> axis));

        double[][] basis = new double[reducedDim][d];
        double[] singularValues = new double[reducedDim];
        double[] residualGram = statistics.gram().clone();
        for (int i = 0; i < reducedDim; i++) {
            int axis = axes[i];
            basis[i][axis] = 1;
            singularValues[i] = Math.sqrt(statistics.gram(axis, axis));
            residualGram[axis * d + axis] = 0;
        }

        long residualRank = Math.max(0, Math.min(n, d) - reducedDim);
        return new Projection(layer, NAME, n, statistics.mean().clone(), basis, singularValues, new double[0],
                residualRank == 0 ? null : residualGram, (int) residualRank, false);
    }
}

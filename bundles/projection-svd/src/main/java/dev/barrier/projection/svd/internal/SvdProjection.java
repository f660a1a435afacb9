package dev.barrier.projection.svd.internal;

import dev.barrier.api.projection.ActivationStatistics;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.linalg.ProjectionFits;
import dev.barrier.linalg.SymmetricEigen;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the top k eigenvectors of the centred Gram matrix G exactly.
 *
 * <p>The forget singular values are s_f = √λ, not divided by √N. N rows span at most min(N, d) directions, so the
 * residual consists of directions k+1 … min(N, d), with r = min(N, d) − k. When N is smaller than the requested k, only
 * N directions are fitted; the projection's {@code reducedDim()} shows how many, and a warning names the layer.
 */
public final class SvdProjection implements ProjectionStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SvdProjection.class);

    /** The strategy's name in pipeline files. */
    public static final String NAME = "svd";

    private final int reducedDim;

    /**
     * Creates the strategy.
     *
     * @param reducedDim the requested number of forget directions k, at least 1
     * @throws IllegalArgumentException if {@code reducedDim} is below 1
     */
    public SvdProjection(int reducedDim) {
        if (reducedDim < 1) {
            throw new IllegalArgumentException("reducedDim must be at least 1, got " + reducedDim);
        }
        this.reducedDim = reducedDim;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Returns the requested number of forget directions. */
    public int reducedDim() {
        return reducedDim;
    }

    @Override
    public Projection fit(ActivationStatistics statistics) {
        ProjectionFits.requireUsable(statistics);
        int k = ProjectionFits.forgetDirections(statistics, reducedDim);
        int d = statistics.width();
        if (k < reducedDim) {
            LOG.warn("Layer {}: only {} activation rows, so {} forget directions are fitted instead of reducedDim {}",
                    statistics.layer(), statistics.count(), k, reducedDim);
        }

        SymmetricEigen eigen = SymmetricEigen.decompose(statistics.gram(), d);
        int available = (int) Math.min(statistics.count(), d);
        double[] residualSingularValues = Arrays.copyOfRange(eigen.singularValues(), k, available);
        Projection projection = ProjectionFits.fromEigenpairs(statistics, NAME, eigen, k, residualSingularValues);
        LOG.debug("Layer {}: svd projection fitted to {} rows of width {}: k = {}, r = {}", statistics.layer(),
                statistics.count(), d, k, projection.residualRank());
        return projection;
    }

    @Override
    public String toString() {
        return "svd(reducedDim=" + reducedDim + ")";
    }
}

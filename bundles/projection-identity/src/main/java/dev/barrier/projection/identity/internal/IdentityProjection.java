package dev.barrier.projection.identity.internal;

import dev.barrier.api.projection.ActivationStatistics;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.linalg.ProjectionFits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity projection: U_f = I_d (k = d), no residual (r = 0, no residual Gram matrix). The forget
 * "singular values" are √G_ii, the root of each raw dimension's centred sum of squares, which is what
 * s_f = √(u G uᵀ) gives for a unit direction u = e_i.
 */
public final class IdentityProjection implements ProjectionStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProjection.class);

    /** The strategy's name in pipeline files. */
    public static final String NAME = "identity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Projection fit(ActivationStatistics statistics) {
        ProjectionFits.requireUsable(statistics);
        int d = statistics.width();
        double[][] basis = new double[d][d];
        double[] singularValues = new double[d];
        for (int i = 0; i < d; i++) {
            basis[i][i] = 1;
            // Rounding can leave a constant dimension's sum of squares slightly negative; clamp before the root.
            singularValues[i] = Math.sqrt(Math.max(statistics.gram(i, i), 0.0));
        }
        LOG.debug("Layer {}: identity projection for {} rows of width {}", statistics.layer(), statistics.count(), d);
        return new Projection(statistics.layer(), NAME, statistics.count(), statistics.mean().clone(), basis,
                singularValues, new double[0], null, 0, true);
    }

    @Override
    public String toString() {
        return NAME;
    }
}

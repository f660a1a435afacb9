package dev.barrier.projection.randomizedsvd.internal;

import dev.barrier.api.projection.ActivationStatistics;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.linalg.ProjectionFits;
import dev.barrier.linalg.RandomizedSvd;
import dev.barrier.linalg.SymmetricEigen;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the top k eigenvectors of the centred Gram matrix G with a randomized range finder.
 *
 * <p>The forget singular values are s_f = √λ of the Ritz values, not divided by √N; r = min(N, d) − k. The
 * residual singular values are not computed, so the projection contains an empty array for them. The residual
 * Gram matrix G_r = G − U_fᵀ diag(s_f²) U_f is computed, so the residual term of the protection loss is still
 * available. When N is
 * smaller than the requested k, only N directions are fitted and a warning names the layer.
 *
 * <p>Note: the directions are accurate when the spectrum of G has a gap after the k-th eigenvalue. Without a gap
 * they approximate the top subspace only roughly; raise {@code powerIterations} or {@code oversampling}, or use
 * the exact {@code svd} strategy when d is small enough.
 */
public final class RandomizedSvdProjection implements ProjectionStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RandomizedSvdProjection.class);

    /** The strategy's name in pipeline files. */
    public static final String NAME = "randomized-svd";

    private final RandomizedSvdProjectionFactory.Settings settings;

    RandomizedSvdProjection(RandomizedSvdProjectionFactory.Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Returns the settings this strategy was created with. */
    RandomizedSvdProjectionFactory.Settings settings() {
        return settings;
    }

    @Override
    public Projection fit(ActivationStatistics statistics) {
        ProjectionFits.requireUsable(statistics);
        int k = ProjectionFits.forgetDirections(statistics, settings.reducedDim());
        int d = statistics.width();
        if (k < settings.reducedDim()) {
            LOG.warn("Layer {}: only {} activation rows, so {} forget directions are fitted instead of reducedDim {}",
                    statistics.layer(), statistics.count(), k, settings.reducedDim());
        }

        SymmetricEigen eigen = new RandomizedSvd(k, settings.oversampling(), settings.powerIterations(),
                settings.seed()).decompose(statistics.gram(), d);
        Projection projection = ProjectionFits.fromEigenpairs(statistics, NAME, eigen, k, new double[0]);
        LOG.debug("Layer {}: randomized-svd projection fitted to {} rows of width {}: k = {}, r = {}",
                statistics.layer(), statistics.count(), d, k, projection.residualRank());
        return projection;
    }

    @Override
    public String toString() {
        return "randomized-svd" + settings;
    }
}

package dev.barrier.api.projection;

import org.osgi.annotation.versioning.ConsumerType;

/** Fits forget directions to activation statistics. Created by a {@link ProjectionStrategyFactory}. */
@ConsumerType
public interface ProjectionStrategy {

    /** Returns the strategy's name, such as {@code svd}. */
    String name();

    /**
     * Fits the projection.
     *
     * @throws IllegalArgumentException if the configured reduced dimension exceeds the row width, or the
     *         statistics hold no rows; the message names the layer and both sizes
     */
    Projection fit(ActivationStatistics statistics);
}

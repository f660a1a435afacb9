package dev.barrier.api.region;

import org.osgi.annotation.versioning.ConsumerType;

/** Fits a protected region to projected forget rows. Created by a {@link RegionBuilderFactory}. */
@ConsumerType
public interface RegionBuilder {

    /** Returns the builder's name, such as {@code interval-hypercube}. */
    String name();

    /** Returns whether {@link #build} needs the retain rows' projection bounds. */
    boolean needsRetainBounds();

    /**
     * Fits the region.
     *
     * @throws IllegalArgumentException if there are no forget rows, or retain bounds are needed but missing
     */
    IntervalRegion build(RegionInput input);
}

package dev.barrier.api.region;

import dev.barrier.api.projection.Projection;

import java.util.Objects;

/**
 * What a region builder fits a region to.
 *
 * @param projection        the layer's projection (its {@code identity} flag changes how {@code actual} bounds
 *                          are formed)
 * @param forgetProjections the forget rows' projections by direction: {@code forgetProjections[i][n]} is z_i of
 *                          row n; k arrays of N values
 * @param retainMin         per-direction minimum of the retain rows' projections, or null if not collected
 * @param retainMax         per-direction maximum of the retain rows' projections, or null if not collected
 */
public record RegionInput(Projection projection, double[][] forgetProjections, double[] retainMin,
        double[] retainMax) {

    /** Checks shapes. */
    public RegionInput {
        Objects.requireNonNull(projection, "projection");
        int k = projection.reducedDim();
        if (forgetProjections.length != k) {
            throw new IllegalArgumentException("layer " + projection.layer() + ": " + forgetProjections.length
                    + " projected columns for " + k + " directions");
        }
        if ((retainMin == null) != (retainMax == null)
                || (retainMin != null && (retainMin.length != k || retainMax.length != k))) {
            throw new IllegalArgumentException("layer " + projection.layer()
                    + ": retain bounds must both be given with length " + k);
        }
    }

    /** Returns the layer name. */
    public String layer() {
        return projection.layer();
    }

    /** Returns whether retain bounds were collected. */
    public boolean hasRetainBounds() {
        return retainMin != null;
    }
}

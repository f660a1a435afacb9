package dev.barrier.api.region;

import java.util.Objects;

/**
 * An interval hypercube region in a layer's projected space: the forget box [a, b] inside the outer box
 * [L, H], all of length k.
 *
 * @param layer      the layer (and group) it belongs to
 * @param forgetLow  a
 * @param forgetHigh b
 * @param outerLow   L
 * @param outerHigh  H
 * @param mode       how the protection loss treats the region
 */
public record IntervalRegion(String layer, double[] forgetLow, double[] forgetHigh, double[] outerLow,
        double[] outerHigh, RegionMode mode) {

    /** Where a projected point lies. */
    public enum Location {
        /** Inside the forget box: the method may change the layer's response here. */
        FORGET_BOX,
        /** In the outer box but not in the forget box: protected. */
        PROTECTED,
        /** Outside the outer box: not covered. */
        OUTSIDE
    }

    /** Checks shapes and ordering L ≤ a ≤ b ≤ H. */
    public IntervalRegion {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(mode, "mode");
        int k = forgetLow.length;
        if (forgetHigh.length != k || outerLow.length != k || outerHigh.length != k) {
            throw new IllegalArgumentException("layer " + layer + ": box bounds have different lengths");
        }
        for (int i = 0; i < k; i++) {
            if (!(outerLow[i] <= forgetLow[i] && forgetLow[i] <= forgetHigh[i] && forgetHigh[i] <= outerHigh[i])) {
                throw new IllegalArgumentException("layer " + layer + ", direction " + i
                        + ": expected L <= a <= b <= H, got " + outerLow[i] + ", " + forgetLow[i] + ", "
                        + forgetHigh[i] + ", " + outerHigh[i]);
            }
        }
    }

    /** Returns k. */
    public int dimension() {
        return forgetLow.length;
    }

    /** Returns where {@code z} lies. */
    public Location locate(double[] z) {
        boolean inForget = true;
        for (int i = 0; i < z.length; i++) {
            if (z[i] < outerLow[i] || z[i] > outerHigh[i]) {
                return Location.OUTSIDE;
            }
            if (z[i] < forgetLow[i] || z[i] > forgetHigh[i]) {
                inForget = false;
            }
        }
        return inForget ? Location.FORGET_BOX : Location.PROTECTED;
    }

    /**
     * Returns, for each row u of {@code d} (a C_out×k matrix D = ΔW U_fᵀ), the exact range [lo_u, hi_u] of
     * (D z)_u over z in the outer box: lo = D⁺L − D⁻H, hi = D⁺H − D⁻L.
     *
     * @return an array {lo, hi}, each of length C_out
     */
    public double[][] outerRange(double[][] d) {
        int units = d.length;
        double[] lo = new double[units];
        double[] hi = new double[units];
        for (int u = 0; u < units; u++) {
            double l = 0;
            double h = 0;
            for (int i = 0; i < d[u].length; i++) {
                double w = d[u][i];
                if (w >= 0) {
                    l += w * outerLow[i];
                    h += w * outerHigh[i];
                } else {
                    l += w * outerHigh[i];
                    h += w * outerLow[i];
                }
            }
            lo[u] = l;
            hi[u] = h;
        }
        return new double[][] {lo, hi};
    }

    /**
     * Returns the worst-case change of any output unit over the protected region, for inputs whose residual
     * component is zero: B = max_u max(|g_u + lo_u|, |g_u + hi_u|), where g = ΔW μ + Δb is the change at the
     * mean and [lo, hi] the range of {@link #outerRange}. For a linear map the bound is attained at a vertex
     * of the outer box, and every vertex lies in the protected region.
     *
     * @param d         D = ΔW U_fᵀ, C_out×k
     * @param meanShift g, length C_out
     */
    public double worstCaseChange(double[][] d, double[] meanShift) {
        double[][] range = outerRange(d);
        double bound = 0;
        for (int u = 0; u < meanShift.length; u++) {
            bound = Math.max(bound, Math.max(Math.abs(meanShift[u] + range[0][u]),
                    Math.abs(meanShift[u] + range[1][u])));
        }
        return bound;
    }
}

package dev.barrier.linalg;

import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;

/**
 * The worst-case change of a target layer over its protected region, computed from the weight change alone.
 *
 * <p>For a layer y = Wx + b changed by ΔW (C_out × d, the change of the matrix that acts on activation rows) and
 * Δb, an input x = μ + U_fᵀz with z in the outer box [L, H] changes the output by Δy = g + Dz, where g = ΔWμ + Δb
 * is the change at the forget mean and D = ΔW U_fᵀ. A linear map takes its extremes over a box at its vertices,
 * and every vertex of the outer box lies in the protected region (each coordinate is L_i &lt; a_i or H_i &gt; b_i),
 * so B = max_u max(|g_u + lo_u|, |g_u + hi_u|) with [lo, hi] the exact range of Dz over the outer box is the
 * largest |Δy_u| over the protected region, and it is attained.
 *
 * <p>Note: the bound holds only for inputs whose component outside the span of the forget directions is zero.
 * Residual directions (and, for convolutions read as per-pixel channel rows, the kernel taps other than the
 * centre) are not covered; {@link CertificateAccumulator} states this in the certificate's notes.
 */
public final class Certificates {

    private Certificates() {
    }

    /**
     * Returns g = ΔWμ + Δb, the change of each output unit at the forget mean.
     *
     * @param projection  the layer's projection (supplies μ)
     * @param deltaWeight ΔW, C_out rows of length d
     * @param deltaBias   Δb, length C_out, or null for a layer without bias
     * @throws IllegalArgumentException naming the layer if a shape does not match
     */
    public static double[] meanShift(Projection projection, double[][] deltaWeight, double[] deltaBias) {
        requireShapes(projection, deltaWeight, deltaBias);
        double[] mean = projection.mean();
        double[] g = new double[deltaWeight.length];
        for (int u = 0; u < g.length; u++) {
            double sum = deltaBias == null ? 0 : deltaBias[u];
            double[] row = deltaWeight[u];
            for (int j = 0; j < mean.length; j++) {
                sum += row[j] * mean[j];
            }
            g[u] = sum;
        }
        return g;
    }

    /**
     * Returns D = ΔW U_fᵀ (C_out × k): how each output unit responds to each projected coordinate.
     *
     * @throws IllegalArgumentException naming the layer if a shape does not match
     */
    public static double[][] directionResponse(Projection projection, double[][] deltaWeight) {
        requireShapes(projection, deltaWeight, null);
        double[][] basis = projection.forgetBasis();
        double[][] response = new double[deltaWeight.length][basis.length];
        for (int u = 0; u < deltaWeight.length; u++) {
            double[] row = deltaWeight[u];
            for (int i = 0; i < basis.length; i++) {
                double sum = 0;
                double[] direction = basis[i];
                for (int j = 0; j < row.length; j++) {
                    sum += row[j] * direction[j];
                }
                response[u][i] = sum;
            }
        }
        return response;
    }

    /**
     * Returns B, the largest change of any output unit over the protected region of {@code region}, for inputs
     * with no residual component (see the class description).
     *
     * @param projection  the layer's projection
     * @param region      the layer's region, in the projection's coordinates
     * @param deltaWeight ΔW, C_out rows of length d
     * @param deltaBias   Δb, length C_out, or null for a layer without bias
     * @throws IllegalArgumentException naming the layer if a shape does not match, or the region's dimension is
     *         not the projection's k
     */
    public static double bound(Projection projection, IntervalRegion region, double[][] deltaWeight,
            double[] deltaBias) {
        requireRegion(projection, region);
        return region.worstCaseChange(directionResponse(projection, deltaWeight),
                meanShift(projection, deltaWeight, deltaBias));
    }

    static void requireRegion(Projection projection, IntervalRegion region) {
        if (region.dimension() != projection.reducedDim()) {
            throw new IllegalArgumentException("layer " + projection.layer() + ": region has " + region.dimension()
                    + " directions but the projection has " + projection.reducedDim());
        }
    }

    static void requireShapes(Projection projection, double[][] deltaWeight, double[] deltaBias) {
        int d = projection.width();
        String layer = projection.layer();
        for (int u = 0; u < deltaWeight.length; u++) {
            if (deltaWeight[u].length != d) {
                throw new IllegalArgumentException("layer " + layer + ": weight change row " + u + " has length "
                        + deltaWeight[u].length + ", expected the row width " + d);
            }
        }
        if (deltaBias != null && deltaBias.length != deltaWeight.length) {
            throw new IllegalArgumentException("layer " + layer + ": bias change has length " + deltaBias.length
                    + ", expected " + deltaWeight.length + " output units");
        }
    }
}

package dev.barrier.api.region;

import java.util.List;

/**
 * What can be stated about a target layer after unlearning.
 *
 * @param layer               the layer (with {@code [g]} appended for a group of a grouped convolution)
 * @param outputUnits         C_out of the map
 * @param bound               the worst-case change of any output unit over the protected region, for inputs
 *                            with no residual component (see {@link IntervalRegion#worstCaseChange})
 * @param meanShift           max_u |g_u|: the largest change at the forget mean
 * @param retainRows          the number of retain rows checked
 * @param retainInForgetBox   the fraction of retain rows whose projection lies in the forget box (unprotected)
 * @param retainProtected     the fraction lying in the protected region
 * @param retainOutside       the fraction lying outside the outer box
 * @param driftMean           the mean |Δy| over retain rows and output units, measured
 * @param driftMax            the largest |Δy| over retain rows and output units, measured
 * @param driftMaxProtected   the largest |Δy| over retain rows in the protected region and output units
 * @param notes               what the bound does not cover (residual directions, other kernel taps)
 */
public record LayerCertificate(String layer, int outputUnits, double bound, double meanShift, long retainRows,
        double retainInForgetBox, double retainProtected, double retainOutside, double driftMean, double driftMax,
        double driftMaxProtected, List<String> notes) {

    /** Copies the notes. */
    public LayerCertificate {
        notes = List.copyOf(notes);
    }
}

package dev.barrier.linalg;

import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.LayerCertificate;

import java.util.ArrayList;
import java.util.List;

/**
 * Streams retain rows of one target layer and builds its {@link LayerCertificate}: the bound of
 * {@link Certificates#bound}, where the retain rows' projections z = U_f (x − μ) lie (forget box, protected
 * region, outside the outer box), and the drift |Δy| = |ΔWx + Δb| measured on them for each output unit.
 *
 * <p>The measured drift includes each row's residual component, which the bound does not cover, so a protected
 * row can drift more than the bound. Instances are not thread-safe.
 */
public final class CertificateAccumulator {

    private final Projection projection;
    private final IntervalRegion region;
    private final double[][] deltaWeight;
    private final double[] deltaBias;
    private final List<String> callerNotes;
    private final double bound;
    private final double meanShift;

    private long rows;
    private long inForgetBox;
    private long inProtected;
    private long outside;
    private double driftSum;
    private double driftMax;
    private double driftMaxProtected;

    /**
     * Creates an accumulator for one layer.
     *
     * @param projection  the layer's projection
     * @param region      the layer's region
     * @param deltaWeight ΔW, C_out rows of length d: the change of the matrix acting on activation rows. The
     *                    arrays are read, not copied, so they must not change while rows are added.
     * @param deltaBias   Δb, length C_out, or null for a layer without bias
     * @param callerNotes further limits of the bound that only the caller can state, such as kernel taps that an
     *                    extractor's rows do not cover. They follow the notes added here in the certificate.
     * @throws IllegalArgumentException naming the layer if a shape does not match
     */
    public CertificateAccumulator(Projection projection, IntervalRegion region, double[][] deltaWeight,
            double[] deltaBias, List<String> callerNotes) {
        this.bound = Certificates.bound(projection, region, deltaWeight, deltaBias);
        double largestShift = 0;
        for (double g : Certificates.meanShift(projection, deltaWeight, deltaBias)) {
            largestShift = Math.max(largestShift, Math.abs(g));
        }
        this.meanShift = largestShift;
        this.projection = projection;
        this.region = region;
        this.deltaWeight = deltaWeight;
        this.deltaBias = deltaBias;
        this.callerNotes = List.copyOf(callerNotes);
    }

    /**
     * Adds a batch of retain rows.
     *
     * @param batch rows of length d
     * @throws IllegalArgumentException naming the layer if a row has another length or contains NaN or infinite
     *         values
     */
    public void add(double[][] batch) {
        int d = projection.width();
        for (int r = 0; r < batch.length; r++) {
            double[] row = batch[r];
            if (row.length != d) {
                throw new IllegalArgumentException("layer " + projection.layer() + ": retain row " + r
                        + " has length " + row.length + ", expected " + d);
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("layer " + projection.layer() + ": retain row " + r
                            + " contains " + v + "; expected finite values");
                }
            }
            addRow(row);
        }
    }

    private void addRow(double[] row) {
        IntervalRegion.Location location = region.locate(projection.project(row));
        switch (location) {
            case FORGET_BOX -> inForgetBox++;
            case PROTECTED -> inProtected++;
            case OUTSIDE -> outside++;
            default -> throw new IllegalStateException("unknown location " + location);
        }

        double rowMax = 0;
        for (int u = 0; u < deltaWeight.length; u++) {
            double change = deltaBias == null ? 0 : deltaBias[u];
            double[] weights = deltaWeight[u];
            for (int j = 0; j < row.length; j++) {
                change += weights[j] * row[j];
            }
            double drift = Math.abs(change);
            driftSum += drift;
            rowMax = Math.max(rowMax, drift);
        }
        driftMax = Math.max(driftMax, rowMax);
        if (location == IntervalRegion.Location.PROTECTED) {
            driftMaxProtected = Math.max(driftMaxProtected, rowMax);
        }
        rows++;
    }

    /** Returns B, the bound over the protected region (known before any row is added). */
    public double bound() {
        return bound;
    }

    /** Returns the number of retain rows added so far. */
    public long rows() {
        return rows;
    }

    /**
     * Returns the certificate for the rows added so far. With no rows the fractions and drifts are 0 and a note
     * states that nothing was measured.
     */
    public LayerCertificate certificate() {
        int units = deltaWeight.length;
        List<String> notes = new ArrayList<>();
        if (!projection.identity() && projection.reducedDim() < projection.width()) {
            notes.add("The bound covers inputs x with x - mu in the span of the " + projection.reducedDim()
                    + " forget directions; components along the other " + (projection.width()
                    - projection.reducedDim()) + " directions of the " + projection.width()
                    + "-wide rows (the residual) are not limited by it, and the measured drift includes them.");
        }
        if (rows == 0) {
            notes.add("No retain rows were checked: the fractions and drifts are 0 and say nothing.");
        }
        notes.addAll(callerNotes);

        double total = rows;
        return new LayerCertificate(projection.layer(), units, bound, meanShift, rows,
                rows == 0 ? 0 : inForgetBox / total,
                rows == 0 ? 0 : inProtected / total,
                rows == 0 ? 0 : outside / total,
                rows == 0 || units == 0 ? 0 : driftSum / (total * units),
                driftMax, driftMaxProtected, notes);
    }
}

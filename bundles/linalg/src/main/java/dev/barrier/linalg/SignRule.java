package dev.barrier.linalg;

/**
 * Fixes the arbitrary sign of a principal direction: the direction is flipped so that its entry of largest
 * magnitude is positive. Entries within {@value #TIE_TOLERANCE} (relative) of the largest magnitude count as
 * ties, and among ties the lowest index decides.
 *
 * <p>Because the rule looks only at magnitudes and at the index order, v and −v map to the same vector, so the
 * result does not depend on the sign a decomposition library happened to return.
 *
 * <p>Note: no sign rule can fix a rotation inside the eigenspace of a repeated eigenvalue; there the directions
 * themselves still depend on the library.
 */
public final class SignRule {

    /** Relative distance from the largest magnitude within which entries count as tied. */
    public static final double TIE_TOLERANCE = 1e-9;

    private SignRule() {
    }

    /**
     * Returns the index of the entry that decides the sign: the lowest index whose magnitude is within
     * {@value #TIE_TOLERANCE} (relative) of the largest, or -1 for an empty or all-zero vector.
     */
    public static int decidingIndex(double[] direction) {
        double largest = 0;
        for (double v : direction) {
            largest = Math.max(largest, Math.abs(v));
        }
        if (largest == 0) {
            return -1;
        }
        double threshold = largest * (1 - TIE_TOLERANCE);
        for (int i = 0; i < direction.length; i++) {
            if (Math.abs(direction[i]) >= threshold) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Flips {@code direction} in place if its deciding entry is negative. An all-zero vector is left as it is.
     *
     * @return {@code direction}
     */
    public static double[] apply(double[] direction) {
        int index = decidingIndex(direction);
        if (index >= 0 && direction[index] < 0) {
            for (int i = 0; i < direction.length; i++) {
                direction[i] = -direction[i];
            }
        }
        return direction;
    }

    /**
     * Applies the rule to each row of {@code directions} in place.
     *
     * @return {@code directions}
     */
    public static double[][] applyToRows(double[][] directions) {
        for (double[] direction : directions) {
            apply(direction);
        }
        return directions;
    }
}

package dev.barrier.linalg;

/**
 * Type-7 sample quantiles (Hyndman and Fan, 1996): linear interpolation between order statistics at rank
 * h = p·(N − 1), counted from 0. This is the default of R's {@code quantile}, of NumPy and of PyTorch.
 *
 * <p>With j = ⌊h⌋ and g = h − j, the quantile is x₍ⱼ₎ + g·(x₍ⱼ₊₁₎ − x₍ⱼ₎), where x₍ᵢ₎ is the i-th smallest value.
 * The order statistics are found by selection (quickselect with a three-way partition, which stays fast when
 * many values are tied) in expected O(N) time, not by sorting.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * Returns the type-7 quantile of {@code values} at probability {@code p}, leaving {@code values} unchanged.
     *
     * @param values the sample, at least one finite value
     * @param p      the probability, in [0, 1]
     * @throws IllegalArgumentException if the sample is empty or contains NaN or infinite values, or {@code p} is
     *         outside [0, 1]
     */
    public static double type7(double[] values, double p) {
        return type7InPlace(values.clone(), p);
    }

    /**
     * Returns the type-7 quantile of {@code values} at probability {@code p}, reordering {@code values} in place
     * (the multiset of values is kept, so several quantiles can be taken from the same array in turn).
     *
     * @throws IllegalArgumentException as for {@link #type7}
     */
    public static double type7InPlace(double[] values, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot take a quantile of an empty sample");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("sample value " + i + " is " + values[i]
                        + "; expected finite values");
            }
        }

        double h = p * (n - 1);
        int j = (int) Math.floor(h);
        double fraction = h - j;
        double low = select(values, j);
        if (fraction == 0 || j + 1 >= n) {
            return low;
        }
        // After selecting rank j every later position contains a value >= x(j), so x(j+1) is their minimum.
        double high = values[j + 1];
        for (int i = j + 2; i < n; i++) {
            high = Math.min(high, values[i]);
        }
        return low + fraction * (high - low);
    }

    /**
     * Moves the value of rank {@code rank} (0-based, ascending) to that position, smaller or equal values before
     * it and larger or equal values after it, and returns it.
     */
    static double select(double[] values, int rank) {
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            double pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);

            // Three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot.
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = values[i];
                if (v < pivot) {
                    swap(values, lt++, i++);
                } else if (v > pivot) {
                    swap(values, i, gt--);
                } else {
                    i++;
                }
            }

            if (rank < lt) {
                hi = lt - 1;
            } else if (rank > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return values[rank];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] values, int i, int j) {
        double t = values[i];
        values[i] = values[j];
        values[j] = t;
    }
}

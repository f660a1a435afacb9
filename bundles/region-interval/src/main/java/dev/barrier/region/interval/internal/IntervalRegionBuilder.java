package dev.barrier.region.interval.internal;

import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.RegionBuilder;
import dev.barrier.api.region.RegionInput;
import dev.barrier.api.region.RegionMode;
import dev.barrier.linalg.Quantiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits an interval hypercube to the projected forget rows.
 *
 * <p>Per direction i: a_i and b_i are the type-7 quantiles of the forget projections z_i at the lower and upper
 * percentile, found by selection. The outer box is [a − s, b + s] for {@code scale} bounds (s =
 * {@code infinityScale}), or the range of the forget and retain projections for {@code actual} bounds. With the
 * identity projection, {@code actual} bounds are [min(a − s, retain min), max(b + s, retain max)], as the
 * reference implementation forms them. A projection with no forget directions gives an empty region.
 */
public final class IntervalRegionBuilder implements RegionBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(IntervalRegionBuilder.class);

    /** The builder's name in pipeline files. */
    public static final String NAME = "interval-hypercube";

    /**
     * The builder's settings.
     *
     * @param lowerPercentile the forget box's lower quantile, a fraction in (0, 1)
     * @param upperPercentile the forget box's upper quantile, a fraction in (0, 1) above the lower one
     * @param bounds          how the outer box is formed
     * @param infinityScale   the outer box's margin in projected units
     * @param mode            the region mode recorded in the region
     */
    record Settings(double lowerPercentile, double upperPercentile, OuterBounds bounds, double infinityScale,
            RegionMode mode) {
    }

    private final Settings settings;

    IntervalRegionBuilder(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Returns the settings this builder was created with. */
    Settings settings() {
        return settings;
    }

    @Override
    public boolean needsRetainBounds() {
        return settings.bounds() == OuterBounds.ACTUAL;
    }

    @Override
    public IntervalRegion build(RegionInput input) {
        String layer = input.layer();
        double[][] columns = input.forgetProjections();
        int k = columns.length;
        if (k > 0 && columns[0].length == 0) {
            throw new IllegalArgumentException("layer " + layer + ": no forget rows to fit the region to");
        }
        if (needsRetainBounds() && !input.hasRetainBounds()) {
            throw new IllegalArgumentException("layer " + layer + ": bounds 'actual' needs the per-direction minimum"
                    + " and maximum of the retain rows' projections, but none were collected");
        }

        double[] low = new double[k];
        double[] high = new double[k];
        double[] outerLow = new double[k];
        double[] outerHigh = new double[k];
        for (int i = 0; i < k; i++) {
            double[] column = columns[i];
            if (column.length != columns[0].length) {
                throw new IllegalArgumentException("layer " + layer + ": direction " + i + " has " + column.length
                        + " projected forget rows, direction 0 has " + columns[0].length);
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int n = 0; n < column.length; n++) {
                double z = column[n];
                if (!Double.isFinite(z)) {
                    throw new IllegalArgumentException("layer " + layer + ": projection of forget row " + n
                            + " on direction " + i + " is " + z + "; expected finite values");
                }
                min = Math.min(min, z);
                max = Math.max(max, z);
            }

            double[] work = column.clone();
            low[i] = Quantiles.type7InPlace(work, settings.lowerPercentile());
            high[i] = Quantiles.type7InPlace(work, settings.upperPercentile());
            double[] outer = outerBounds(input, i, low[i], high[i], min, max);
            outerLow[i] = outer[0];
            outerHigh[i] = outer[1];
        }

        IntervalRegion region = new IntervalRegion(layer, low, high, outerLow, outerHigh, settings.mode());
        LOG.debug("Layer {}: interval region over {} directions from {} forget rows, {} bounds, {} mode", layer, k,
                k == 0 ? 0 : columns[0].length, settings.bounds(), settings.mode());
        return region;
    }

    private double[] outerBounds(RegionInput input, int i, double low, double high, double min, double max) {
        double scale = settings.infinityScale();
        if (settings.bounds() == OuterBounds.SCALE) {
            return new double[] {low - scale, high + scale};
        }
        double retainMin = input.retainMin()[i];
        double retainMax = input.retainMax()[i];
        if (!Double.isFinite(retainMin) || !Double.isFinite(retainMax) || retainMin > retainMax) {
            throw new IllegalArgumentException("layer " + input.layer() + ", direction " + i
                    + ": expected finite retain bounds with min <= max, got " + retainMin + " and " + retainMax);
        }
        if (input.projection().identity()) {
            return new double[] {Math.min(low - scale, retainMin), Math.max(high + scale, retainMax)};
        }
        return new double[] {Math.min(min, retainMin), Math.max(max, retainMax)};
    }

    @Override
    public String toString() {
        return NAME + settings;
    }
}

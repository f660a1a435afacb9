package dev.barrier.region.interval.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.RegionBuilder;
import dev.barrier.api.region.RegionInput;
import dev.barrier.api.region.RegionMode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Tests of the {@code interval-hypercube} builder through its factory. Expected quantiles come from the type-7
 * definition applied to a fully sorted copy of each column.
 */
class IntervalRegionBuilderTest {

    private static RegionBuilder builder(Map<String, ?> values) {
        return new IntervalRegionBuilderFactory().create(ConfigSection.of(values, "test.yaml"), null);
    }

    /** Returns a projection of width 3 with k directions; only its shape and identity flag matter to the builder. */
    private static Projection projection(int k, boolean identity) {
        double[][] basis = new double[k][3];
        for (int i = 0; i < k; i++) {
            basis[i][i] = 1;
        }
        return new Projection("fc", identity ? "identity" : "svd", 50, new double[3], basis, new double[k],
                new double[0], identity ? null : new double[9], identity ? 0 : 3 - k, identity);
    }

    private static double[][] columns(long seed, int k, int n) {
        Random random = new Random(seed);
        double[][] columns = new double[k][n];
        for (double[] column : columns) {
            for (int i = 0; i < n; i++) {
                column[i] = random.nextInt(7) + random.nextGaussian();
            }
        }
        return columns;
    }

    private static double sortedType7(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = p * (sorted.length - 1);
        int j = (int) Math.floor(h);
        return j + 1 < sorted.length ? sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]) : sorted[j];
    }

    @Test
    void scaleBoundsWidenForgetBox() {
        double[][] columns = columns(401, 2, 57);
        RegionBuilder builder = builder(Map.of());
        assertFalse(builder.needsRetainBounds());
        IntervalRegion region = builder.build(new RegionInput(projection(2, false), columns, null, null));

        assertEquals(RegionMode.COMPLEMENT, region.mode());
        for (int i = 0; i < 2; i++) {
            double a = sortedType7(columns[i], 0.05);
            double b = sortedType7(columns[i], 0.95);
            assertEquals(a, region.forgetLow()[i], 1e-12);
            assertEquals(b, region.forgetHigh()[i], 1e-12);
            assertEquals(a - 20, region.outerLow()[i], 1e-12);
            assertEquals(b + 20, region.outerHigh()[i], 1e-12);
        }
    }

    @Test
    void quantilesOfKnownColumn() {
        // 1..20: rank 0.05 * 19 = 0.95 gives 1.95, rank 0.95 * 19 = 18.05 gives 19.05.
        double[] column = new double[20];
        for (int i = 0; i < 20; i++) {
            column[i] = 20 - i;
        }
        IntervalRegion region = builder(Map.of("infinityScale", 0.5, "mode", "corner"))
                .build(new RegionInput(projection(1, false), new double[][] {column}, null, null));
        assertEquals(1.95, region.forgetLow()[0], 1e-12);
        assertEquals(19.05, region.forgetHigh()[0], 1e-12);
        assertEquals(1.45, region.outerLow()[0], 1e-12);
        assertEquals(19.55, region.outerHigh()[0], 1e-12);
        assertEquals(RegionMode.CORNER, region.mode());
    }

    @Test
    void actualBoundsSpanForgetAndRetain() {
        double[][] columns = {{0, 1, 2, 3, 4}, {-1, 0, 1, 2, 10}};
        RegionBuilder builder = builder(Map.of("bounds", "actual"));
        assertTrue(builder.needsRetainBounds());
        IntervalRegion region = builder.build(new RegionInput(projection(2, false), columns,
                new double[] {-2, 0.5}, new double[] {3.5, 4}));
        // Direction 0: retain reaches below the forget minimum; direction 1: the forget maximum stays highest.
        assertArrayEquals(new double[] {-2, -1}, region.outerLow(), 0);
        assertArrayEquals(new double[] {4, 10}, region.outerHigh(), 0);
    }

    @Test
    void actualBoundsWithIdentityKeepMargin() {
        double[][] columns = {{0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}};
        IntervalRegion region = builder(Map.of("bounds", "actual", "infinityScale", 1.0))
                .build(new RegionInput(projection(3, true), columns, new double[] {-5, 0, 1},
                        new double[] {1, 9, 2}));
        // a = 0.2, b = 3.8: L = min(a - 1, retain min), H = max(b + 1, retain max).
        assertArrayEquals(new double[] {-5, -0.8, -0.8}, region.outerLow(), 1e-12);
        assertArrayEquals(new double[] {4.8, 9, 4.8}, region.outerHigh(), 1e-12);
    }

    @Test
    void actualBoundsWithoutRetainAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder(Map.of("bounds", "actual")).build(new RegionInput(projection(2, false),
                        columns(402, 2, 10), null, null)));
        assertTrue(e.getMessage().contains("fc"), e.getMessage());
        assertTrue(e.getMessage().contains("retain"), e.getMessage());
    }

    @Test
    void invalidForgetRowsAreRejected() {
        RegionBuilder builder = builder(Map.of());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> builder.build(new RegionInput(projection(2, false), new double[2][0], null, null)));
        assertTrue(empty.getMessage().contains("no forget rows"), empty.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> builder.build(new RegionInput(projection(1, false), new double[][] {{1, Double.NaN}}, null,
                        null)));
        assertTrue(nan.getMessage().contains("fc"), nan.getMessage());
        assertTrue(nan.getMessage().contains("direction 0"), nan.getMessage());
    }

    @Test
    void noDirectionsGiveEmptyRegion() {
        IntervalRegion region = builder(Map.of()).build(new RegionInput(projection(0, false), new double[0][], null,
                null));
        assertEquals(0, region.dimension());
    }

    @Test
    void invalidSettingsAreRejected() {
        for (double bad : new double[] {0, 1, 5, -0.1}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> builder(Map.of("lowerPercentile", bad)));
            assertTrue(e.getMessage().contains("lowerPercentile"), e.getMessage());
            assertTrue(e.getMessage().contains("fraction"), e.getMessage());
        }
        ConfigurationException order = assertThrows(ConfigurationException.class,
                () -> builder(Map.of("lowerPercentile", 0.9, "upperPercentile", 0.1)));
        assertTrue(order.getMessage().contains("0.9"), order.getMessage());
        assertTrue(order.getMessage().contains("0.1"), order.getMessage());
        ConfigurationException scale = assertThrows(ConfigurationException.class,
                () -> builder(Map.of("infinityScale", 0)));
        assertTrue(scale.getMessage().contains("infinityScale"), scale.getMessage());
        ConfigurationException bounds = assertThrows(ConfigurationException.class,
                () -> builder(Map.of("bounds", "outer")));
        assertTrue(bounds.getMessage().contains("scale, actual"), bounds.getMessage());
        ConfigurationException mode = assertThrows(ConfigurationException.class,
                () -> builder(Map.of("mode", "corners")));
        assertTrue(mode.getMessage().contains("corner, complement"), mode.getMessage());
    }

    @Test
    void defaultsAreRecorded() {
        ConfigSection section = ConfigSection.of(Map.of(), "test.yaml");
        new IntervalRegionBuilderFactory().create(section, null);
        assertEquals(Map.of("lowerPercentile", 0.05, "upperPercentile", 0.95, "bounds", "scale", "infinityScale", 20.0,
                "mode", "complement"), new HashMap<>(section.resolved()));
        assertThrows(IllegalArgumentException.class, () -> new IntervalRegionBuilderFactory(
                new IntervalRegionBuilder.Settings(0.5, 0.4, OuterBounds.SCALE, 1, RegionMode.CORNER)));
    }
}

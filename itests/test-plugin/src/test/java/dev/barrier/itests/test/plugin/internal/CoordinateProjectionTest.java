package dev.barrier.itests.test.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.projection.ActivationStatistics;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.projection.ProjectionStrategy;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CoordinateProjectionTest {

    /** Exact arithmetic on small integers and square roots; 1e-12 absorbs rounding only. */
    private static final double TOLERANCE = 1e-12;

    /** A symmetric positive definite 3×3 Gram matrix whose second axis has the largest variance. */
    private static final double[] GRAM = {
        4, 1, 2,
        1, 9, 3,
        2, 3, 16,
    };

    private static ActivationStatistics statistics(long count) {
        return new ActivationStatistics("fc1", count, new double[] {0.5, -1, 2}, GRAM.clone(), 0);
    }

    @Test
    void fitKeepsFirstAxesByVariance() {
        Projection projection = new CoordinateProjection(2).fit(statistics(10));

        assertEquals("test-coordinate", projection.strategy());
        assertEquals("fc1", projection.layer());
        assertEquals(10, projection.rowCount());
        assertArrayEquals(new double[] {0.5, -1, 2}, projection.mean());
        assertArrayEquals(new double[] {0, 1, 0}, projection.forgetBasis()[0], "axis 1 has G_11 = 9 > G_00 = 4");
        assertArrayEquals(new double[] {1, 0, 0}, projection.forgetBasis()[1]);
        assertArrayEquals(new double[] {3, 2}, projection.forgetSingularValues(), TOLERANCE);
        assertEquals(0, projection.residualSingularValues().length);
        assertEquals(1, projection.residualRank(), "min(N, d) - k = min(10, 3) - 2");
        assertFalse(projection.identity());
    }

    @Test
    void residualGramMatchesDefinition() {
        Projection projection = new CoordinateProjection(2).fit(statistics(10));
        int d = projection.width();

        // G_r = G − U_fᵀ diag(s_f²) U_f, computed here from the fitted basis and values.
        double[] expected = GRAM.clone();
        for (int i = 0; i < projection.reducedDim(); i++) {
            double[] u = projection.forgetBasis()[i];
            double s = projection.forgetSingularValues()[i];
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    expected[r * d + c] -= u[r] * s * s * u[c];
                }
            }
        }

        assertArrayEquals(expected, projection.residualGram(), TOLERANCE);
        assertArrayEquals(new double[] {0, 1, 2, 1, 0, 3, 2, 3, 16}, projection.residualGram(), TOLERANCE);
    }

    @Test
    void forgetProjectorIsDiagonal() {
        Projection projection = new CoordinateProjection(2).fit(statistics(10));

        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 0}, projection.forgetProjector(), TOLERANCE);
        assertArrayEquals(new double[] {-2.0, 0.5}, projection.project(new double[] {1, -3, 7}), TOLERANCE);
    }

    @Test
    void fewRowsLeaveNoResidual() {
        Projection projection = new CoordinateProjection(2).fit(statistics(2));

        assertEquals(0, projection.residualRank(), "min(N, d) - k = min(2, 3) - 2");
        assertNull(projection.residualGram());
    }

    @Test
    void equalVariancesKeepAxisOrder() {
        double[] gram = {1, 0, 0, 1};
        Projection projection = new CoordinateProjection(2).fit(new ActivationStatistics("fc", 5,
                new double[2], gram, 0));

        assertArrayEquals(new double[] {1, 0}, projection.forgetBasis()[0]);
        assertArrayEquals(new double[] {0, 1}, projection.forgetBasis()[1]);
    }

    @Test
    void reducedDimAboveWidthIsRejected() {
        ProjectionStrategy strategy = new CoordinateProjection(4);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strategy.fit(statistics(10)));

        assertTrue(e.getMessage().contains("layer fc1"), e.getMessage());
        assertTrue(e.getMessage().contains("reducedDim 4"), e.getMessage());
        assertTrue(e.getMessage().contains("width 3"), e.getMessage());
    }

    @Test
    void emptyStatisticsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CoordinateProjection(1).fit(statistics(0)));

        assertTrue(e.getMessage().contains("layer fc1"), e.getMessage());
        assertTrue(e.getMessage().contains("0 activation rows"), e.getMessage());
    }

    @Test
    void factoryReadsReducedDim() {
        CoordinateProjectionFactory factory = new CoordinateProjectionFactory(defaults(1));
        ConfigSection section = ConfigSection.of(Map.of("strategy", "test-coordinate", "reducedDim", 2), "test.yaml");
        section.markRead("strategy");

        ProjectionStrategy strategy = factory.create(section, null);

        assertEquals("test-coordinate", strategy.name());
        assertEquals(2, strategy.fit(statistics(10)).reducedDim());
        assertEquals(2, section.resolved().get("reducedDim"));
        assertTrue(section.unreadKeys().isEmpty(), section.unreadKeys().toString());
    }

    @Test
    void factoryRecordsConfiguredDefault() {
        CoordinateProjectionFactory factory = new CoordinateProjectionFactory(defaults(3));
        ConfigSection section = ConfigSection.of(Map.of(), "test.yaml");

        ProjectionStrategy strategy = factory.create(section, null);

        assertEquals(3, strategy.fit(statistics(10)).reducedDim());
        assertEquals(3, section.resolved().get("reducedDim"));
    }

    @Test
    void factoryRejectsInvalidReducedDim() {
        CoordinateProjectionFactory factory = new CoordinateProjectionFactory(defaults(1));

        ConfigurationException zero = assertThrows(ConfigurationException.class,
                () -> factory.create(ConfigSection.of(Map.of("reducedDim", 0), "test.yaml"), null));
        ConfigurationException text = assertThrows(ConfigurationException.class,
                () -> factory.create(ConfigSection.of(Map.of("reducedDim", "two"), "test.yaml"), null));

        assertEquals("reducedDim", zero.problems().get(0).path());
        assertTrue(zero.getMessage().contains("got 0"), zero.getMessage());
        assertEquals("reducedDim", text.problems().get(0).path());
        assertTrue(text.getMessage().contains("'two'"), text.getMessage());
    }

    private static CoordinateProjectionConfiguration defaults(int reducedDim) {
        return new CoordinateProjectionConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CoordinateProjectionConfiguration.class;
            }

            @Override
            public int reducedDim() {
                return reducedDim;
            }
        };
    }
}

package dev.barrier.projection.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.projection.ActivationStatistics;
import dev.barrier.api.projection.Projection;
import dev.barrier.linalg.StreamingMoments;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tests of the {@code identity} strategy through its factory, against directly computed column statistics. */
class IdentityProjectionTest {

    private static double[][] rows(long seed, int n, int d) {
        Random random = new Random(seed);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = 2 + (j + 1) * random.nextGaussian();
            }
        }
        return rows;
    }

    private static ActivationStatistics statistics(double[][] rows) {
        StreamingMoments moments = new StreamingMoments(rows[0].length);
        moments.addRows(rows);
        return moments.toStatistics("fc", 0);
    }

    @Test
    void everyDimensionIsItsOwnDirection() {
        double[][] rows = rows(301, 40, 5);
        Projection projection = new IdentityProjectionFactory()
                .create(ConfigSection.of(Map.of(), "test"), null).fit(statistics(rows));

        assertEquals("identity", projection.strategy());
        assertTrue(projection.identity());
        assertEquals(5, projection.reducedDim());
        assertEquals(0, projection.residualRank());
        assertNull(projection.residualGram());
        assertEquals(0, projection.residualSingularValues().length);
        for (int i = 0; i < 5; i++) {
            double[] unit = new double[5];
            unit[i] = 1;
            assertArrayEquals(unit, projection.forgetBasis()[i], 0);
        }

        // s_f = sqrt of each column's centred sum of squares, computed directly.
        for (int j = 0; j < 5; j++) {
            double mean = 0;
            for (double[] row : rows) {
                mean += row[j] / rows.length;
            }
            double sum = 0;
            for (double[] row : rows) {
                sum += (row[j] - mean) * (row[j] - mean);
            }
            assertEquals(mean, projection.mean()[j], 1e-12);
            assertEquals(Math.sqrt(sum), projection.forgetSingularValues()[j], 1e-10 * Math.sqrt(sum));
        }
        // z = x − μ for the identity.
        double[] z = projection.project(rows[3]);
        for (int j = 0; j < 5; j++) {
            assertEquals(rows[3][j] - projection.mean()[j], z[j], 1e-15);
        }
    }

    @Test
    void reducedDimIsAcceptedAndIgnored() {
        ConfigSection section = ConfigSection.of(Map.of("reducedDim", 2), "test");
        Projection projection = new IdentityProjectionFactory().create(section, null).fit(statistics(rows(302, 10, 4)));
        assertEquals(4, projection.reducedDim());
        assertTrue(section.unreadKeys().isEmpty(), section.unreadKeys().toString());
    }

    @Test
    void invalidStatisticsAreRejected() {
        IdentityProjection strategy = new IdentityProjection();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> strategy.fit(new StreamingMoments(3).toStatistics("conv2", 0)));
        assertTrue(none.getMessage().contains("conv2"), none.getMessage());
        ActivationStatistics infinite = new ActivationStatistics("conv2", 3, new double[2],
                new double[] {1, 0, 0, Double.POSITIVE_INFINITY}, 0);
        IllegalArgumentException nonFinite = assertThrows(IllegalArgumentException.class,
                () -> strategy.fit(infinite));
        assertTrue(nonFinite.getMessage().contains("Infinity"), nonFinite.getMessage());
    }
}

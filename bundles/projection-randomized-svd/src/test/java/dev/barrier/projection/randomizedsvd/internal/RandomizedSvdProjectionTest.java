package dev.barrier.projection.randomizedsvd.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.projection.ActivationStatistics;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.linalg.SignRule;
import dev.barrier.linalg.StreamingMoments;
import dev.barrier.testing.KnownSpectrum;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Tests of the {@code randomized-svd} strategy through its factory. Reference values come from
 * {@link KnownSpectrum}: rows built from chosen singular values and directions, with a clear gap after the third.
 */
class RandomizedSvdProjectionTest {

    /** 20 singular values: three large ones, then a tail from 1 down. */
    private static double[] gappedSpectrum() {
        double[] spectrum = new double[20];
        spectrum[0] = 50;
        spectrum[1] = 40;
        spectrum[2] = 30;
        for (int i = 3; i < 20; i++) {
            spectrum[i] = 1.0 / (i - 2);
        }
        return spectrum;
    }

    private static ProjectionStrategy strategy(Map<String, ?> values) {
        return new RandomizedSvdProjectionFactory().create(ConfigSection.of(values, "test"), null);
    }

    /** Returns the count, mean and centred Gram matrix of the rows, computed by {@link StreamingMoments}. */
    private static ActivationStatistics statistics(KnownSpectrum data, String layer) {
        StreamingMoments moments = new StreamingMoments(data.mean().length);
        moments.addRows(data.rows());
        return moments.toStatistics(layer, 0);
    }

    @Test
    void matchesKnownTopDirections() {
        double[] spectrum = gappedSpectrum();
        KnownSpectrum data = new KnownSpectrum(201, 200, 40, spectrum);
        Projection projection = strategy(Map.of("reducedDim", 3, "seed", 7)).fit(statistics(data, "fc"));

        assertEquals("randomized-svd", projection.strategy());
        assertEquals(3, projection.reducedDim());
        assertArrayEquals(data.mean(), projection.mean(), 1e-12);
        for (int i = 0; i < 3; i++) {
            assertEquals(spectrum[i], projection.forgetSingularValues()[i], 1e-8 * spectrum[0], "s_f " + i);
            double[] expected = SignRule.apply(data.direction(i));
            assertArrayEquals(expected, projection.forgetBasis()[i], 1e-6, "direction " + i);
        }
        assertEquals(0, projection.residualSingularValues().length);
        assertEquals(37, projection.residualRank());
        assertArrayEquals(data.gramFrom(3), projection.residualGram(), 1e-6 * spectrum[0] * spectrum[0]);
        assertFalse(projection.identity());
    }

    @Test
    void sameSeedSameProjection() {
        ActivationStatistics statistics = statistics(new KnownSpectrum(202, 100, 30, gappedSpectrum()), "fc");
        Map<String, Object> values = Map.of("reducedDim", 4, "oversampling", 2, "powerIterations", 0, "seed", 3);
        Projection first = strategy(values).fit(statistics);
        Projection second = strategy(values).fit(statistics);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(first.forgetBasis()[i], second.forgetBasis()[i], 0);
        }
    }

    @Test
    void settingsAreReadAndRecorded() {
        ConfigSection section = ConfigSection.of(
                Map.of("reducedDim", 8, "oversampling", 4, "powerIterations", 1, "seed", 12345678901L), "test");
        RandomizedSvdProjection created = (RandomizedSvdProjection) new RandomizedSvdProjectionFactory()
                .create(section, null);
        assertEquals(new RandomizedSvdProjectionFactory.Settings(8, 4, 1, 12345678901L), created.settings());
        assertTrue(section.unreadKeys().isEmpty(), section.unreadKeys().toString());

        ConfigSection empty = ConfigSection.of(Map.of(), "test");
        new RandomizedSvdProjectionFactory().create(empty, null);
        assertEquals(Map.of("reducedDim", 32, "oversampling", 10, "powerIterations", 2, "seed", 0L),
                new HashMap<>(empty.resolved()));
    }

    @Test
    void invalidSettingsAreRejectedAtCreate() {
        for (String key : new String[] {"reducedDim", "oversampling", "powerIterations"}) {
            int bad = key.equals("reducedDim") ? 0 : -1;
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> strategy(Map.of(key, bad)), key);
            assertTrue(e.getMessage().contains(key), e.getMessage());
            assertTrue(e.getMessage().contains("got " + bad), e.getMessage());
        }
        assertThrows(ConfigurationException.class, () -> strategy(Map.of("seed", "random")));
        assertThrows(IllegalArgumentException.class, () -> new RandomizedSvdProjectionFactory(
                new RandomizedSvdProjectionFactory.Settings(4, -2, 2, 0)));
    }

    @Test
    void invalidStatisticsAreRejected() {
        ActivationStatistics narrow = statistics(new KnownSpectrum(203, 30, 6, new double[] {3, 2, 1}), "conv2");
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> strategy(Map.of("reducedDim", 9)).fit(narrow));
        assertTrue(wide.getMessage().contains("conv2"), wide.getMessage());
        assertTrue(wide.getMessage().contains("reducedDim 9"), wide.getMessage());
        assertTrue(wide.getMessage().contains("width 6"), wide.getMessage());

        ActivationStatistics empty = new StreamingMoments(6).toStatistics("conv2", 0);
        assertThrows(IllegalArgumentException.class, () -> strategy(Map.of("reducedDim", 2)).fit(empty));
    }

    @Test
    void fewerRowsThanReducedDim() {
        ActivationStatistics few = statistics(new KnownSpectrum(204, 3, 6, new double[] {2, 1}), "fc");
        Projection projection = strategy(Map.of("reducedDim", 5)).fit(few);
        assertEquals(3, projection.reducedDim());
        assertEquals(0, projection.residualRank());
    }
}

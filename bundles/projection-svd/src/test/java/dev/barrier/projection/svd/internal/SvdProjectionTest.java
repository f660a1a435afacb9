package dev.barrier.projection.svd.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Tests of the {@code svd} strategy through its factory. Reference values come from {@link KnownSpectrum}: rows
 * built from chosen singular values and directions, so the expected directions, singular values and residual
 * Gram matrix are known in closed form.
 */
class SvdProjectionTest {

    private static final double[] SPECTRUM = {9, 6, 4, 2.5, 1.5, 0.5};

    private static ProjectionStrategy strategy(int reducedDim) {
        return new SvdProjectionFactory().create(ConfigSection.of(Map.of("reducedDim", reducedDim), "test"), null);
    }

    /** Returns the count, mean and centred Gram matrix of the rows, computed by {@link StreamingMoments}. */
    private static ActivationStatistics statistics(KnownSpectrum data, String layer) {
        StreamingMoments moments = new StreamingMoments(data.mean().length);
        moments.addRows(data.rows());
        return moments.toStatistics(layer, 0);
    }

    @Test
    void fitsKnownSpectrum() {
        // 50 rows of width 8 spanning 6 directions: min(N, d) = 8, so the last two singular values are 0.
        KnownSpectrum data = new KnownSpectrum(101, 50, 8, SPECTRUM);
        Projection projection = strategy(3).fit(statistics(data, "fc"));

        assertEquals("svd", projection.strategy());
        assertEquals("fc", projection.layer());
        assertEquals(50, projection.rowCount());
        assertArrayEquals(data.mean(), projection.mean(), 1e-12);
        assertEquals(3, projection.reducedDim());
        for (int i = 0; i < 3; i++) {
            assertEquals(SPECTRUM[i], projection.forgetSingularValues()[i], 1e-10 * SPECTRUM[0], "s_f " + i);
            double[] expected = SignRule.apply(data.direction(i));
            assertArrayEquals(expected, projection.forgetBasis()[i], 1e-9, "direction " + i);
        }

        double[] residual = projection.residualSingularValues();
        assertEquals(5, residual.length);
        assertEquals(5, projection.residualRank());
        for (int i = 0; i < 3; i++) {
            assertEquals(SPECTRUM[3 + i], residual[i], 1e-10 * SPECTRUM[0], "s_r " + i);
        }
        // Zero singular values come from eigenvalues of order 1e-15·λ_max, clamped and square-rooted.
        assertEquals(0, residual[3], 1e-6 * SPECTRUM[0]);
        assertEquals(0, residual[4], 1e-6 * SPECTRUM[0]);
        assertArrayEquals(data.gramFrom(3), projection.residualGram(), 1e-10 * SPECTRUM[0] * SPECTRUM[0]);
        assertTrue(!projection.identity());
    }

    @Test
    void everyDirectionFollowsSignRule() {
        Projection projection = strategy(6).fit(statistics(new KnownSpectrum(102, 40, 7, SPECTRUM), "fc"));
        for (double[] direction : projection.forgetBasis()) {
            assertTrue(direction[SignRule.decidingIndex(direction)] > 0);
        }
    }

    @Test
    void fewerRowsThanReducedDim() {
        // 4 rows of width 6: only min(N, d) = 4 directions exist.
        KnownSpectrum data = new KnownSpectrum(103, 4, 6, new double[] {3, 2, 1});
        Projection capped = strategy(5).fit(statistics(data, "conv2"));
        assertEquals(4, capped.reducedDim());
        assertEquals(0, capped.residualRank());
        assertNull(capped.residualGram());
        assertEquals(0, capped.residualSingularValues().length);

        Projection three = strategy(3).fit(statistics(data, "conv2"));
        assertEquals(1, three.residualRank());
        assertEquals(1, three.residualSingularValues().length);
        assertEquals(0, three.residualSingularValues()[0], 1e-6);
    }

    @Test
    void reducedDimAboveWidthIsRejected() {
        ActivationStatistics statistics = statistics(new KnownSpectrum(104, 30, 6, SPECTRUM), "fc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strategy(7).fit(statistics));
        assertTrue(e.getMessage().contains("fc"), e.getMessage());
        assertTrue(e.getMessage().contains("reducedDim 7"), e.getMessage());
        assertTrue(e.getMessage().contains("width 6"), e.getMessage());
    }

    @Test
    void noRowsAreRejected() {
        ActivationStatistics empty = new StreamingMoments(4).toStatistics("fc", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strategy(2).fit(empty));
        assertTrue(e.getMessage().contains("fc"), e.getMessage());
        assertTrue(e.getMessage().contains("no activation rows"), e.getMessage());
    }

    @Test
    void invalidReducedDimIsRejectedAtCreate() {
        SvdProjectionFactory factory = new SvdProjectionFactory();
        ConfigurationException zero = assertThrows(ConfigurationException.class,
                () -> factory.create(ConfigSection.of(Map.of("reducedDim", 0), "test.yaml"), null));
        assertTrue(zero.getMessage().contains("reducedDim"), zero.getMessage());
        assertTrue(zero.getMessage().contains("got 0"), zero.getMessage());
        ConfigurationException text = assertThrows(ConfigurationException.class,
                () -> factory.create(ConfigSection.of(Map.of("reducedDim", "three"), "test.yaml"), null));
        assertTrue(text.getMessage().contains("reducedDim"), text.getMessage());
    }

    @Test
    void defaultComesFromConfiguration() {
        ConfigSection section = ConfigSection.of(Map.of(), "test");
        SvdProjection created = (SvdProjection) new SvdProjectionFactory(5).create(section, null);
        assertEquals(5, created.reducedDim());
        assertEquals(5, section.resolved().get("reducedDim"));
        assertEquals(32, ((SvdProjection) new SvdProjectionFactory().create(ConfigSection.of(Map.of(), "test"),
                null)).reducedDim());
        assertThrows(IllegalArgumentException.class, () -> new SvdProjectionFactory(0));
    }
}

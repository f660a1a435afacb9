package dev.barrier.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.projection.ActivationStatistics;
import dev.barrier.api.projection.Projection;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tests of the shared projection steps, chiefly the residual Gram identity. */
class ProjectionFitsTest {

    private static ActivationStatistics statistics(long seed, int n, int d) {
        StreamingMoments moments = new StreamingMoments(d);
        moments.addRows(TestMatrices.rows(new Random(seed), n, d, 1.0, 1.0));
        return moments.toStatistics("fc", 0);
    }

    @Test
    void residualGramGivesResidualTerm() {
        // ‖ΔW U_rᵀ diag(s_r)‖²_F must equal tr(ΔW G_r ΔWᵀ) for G_r = G − U_fᵀ diag(s_f²) U_f.
        int d = 10;
        int k = 4;
        ActivationStatistics statistics = statistics(81, 200, d);
        SymmetricEigen eigen = SymmetricEigen.decompose(statistics.gram(), d);
        Projection projection = ProjectionFits.fromEigenpairs(statistics, "svd", eigen, k, new double[0]);

        Random random = new Random(82);
        double[][] deltaWeight = new double[3][d];
        for (double[] row : deltaWeight) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double direct = 0;
        double[][] vectors = eigen.vectors();
        double[] singular = eigen.singularValues();
        for (double[] row : deltaWeight) {
            for (int r = k; r < d; r++) {
                double entry = TestMatrices.dot(row, vectors[r]) * singular[r];
                direct += entry * entry;
            }
        }
        double trace = 0;
        double[] gr = projection.residualGram();
        for (double[] row : deltaWeight) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    trace += row[i] * gr[i * d + j] * row[j];
                }
            }
        }
        assertEquals(direct, trace, 1e-10 * direct);
        assertEquals(d - k, projection.residualRank());
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(gr[i * d + j], gr[j * d + i], 0, "symmetric at " + i + "," + j);
            }
        }
    }

    @Test
    void forgetDirectionsAreBoundedByRowsAndWidth() {
        ActivationStatistics few = statistics(83, 3, 6);
        assertEquals(3, ProjectionFits.forgetDirections(few, 5));
        assertEquals(2, ProjectionFits.forgetDirections(few, 2));
        IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class,
                () -> ProjectionFits.forgetDirections(few, 7));
        assertTrue(tooWide.getMessage().contains("fc"), tooWide.getMessage());
        assertTrue(tooWide.getMessage().contains("7"), tooWide.getMessage());
        assertTrue(tooWide.getMessage().contains("6"), tooWide.getMessage());

        Projection projection = ProjectionFits.fromEigenpairs(few, "svd",
                SymmetricEigen.decompose(few.gram(), 6), 3, new double[0]);
        assertEquals(0, projection.residualRank());
        assertNull(projection.residualGram());
    }

    @Test
    void unusableStatisticsAreRejected() {
        ActivationStatistics empty = new StreamingMoments(3).toStatistics("conv2", 0);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ProjectionFits.requireUsable(empty));
        assertTrue(none.getMessage().contains("conv2"), none.getMessage());

        ActivationStatistics nan = new ActivationStatistics("conv2", 5, new double[] {0, Double.NaN},
                new double[4], 0);
        IllegalArgumentException nonFinite = assertThrows(IllegalArgumentException.class,
                () -> ProjectionFits.requireUsable(nan));
        assertTrue(nonFinite.getMessage().contains("NaN"), nonFinite.getMessage());
    }
}

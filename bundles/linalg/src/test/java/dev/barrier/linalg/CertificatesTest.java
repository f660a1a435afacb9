package dev.barrier.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.region.RegionMode;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Tests of the certificate bound by brute force: the change Δy = ΔW x + Δb of inputs x = μ + U_fᵀz is evaluated
 * directly at every vertex of the outer box and at random points of the protected region, and compared with B.
 */
class CertificatesTest {

    private record Setup(Projection projection, IntervalRegion region, double[][] deltaWeight, double[] deltaBias) {
    }

    /** Fits k directions to random rows of width d, a box of the 5% and 95% quantiles, and an outer margin. */
    private static Setup setup(long seed, int d, int k, int units, double margin) {
        Random random = new Random(seed);
        StreamingMoments moments = new StreamingMoments(d);
        double[][] rows = TestMatrices.rows(random, 400, d, 0.5, 1.0);
        moments.addRows(rows);
        var statistics = moments.toStatistics("fc", 0);
        Projection projection = ProjectionFits.fromEigenpairs(statistics, "svd",
                SymmetricEigen.decompose(statistics.gram(), d), k, new double[0]);

        double[] low = new double[k];
        double[] high = new double[k];
        double[] outerLow = new double[k];
        double[] outerHigh = new double[k];
        for (int i = 0; i < k; i++) {
            double[] column = new double[rows.length];
            for (int n = 0; n < rows.length; n++) {
                column[n] = projection.project(rows[n])[i];
            }
            low[i] = Quantiles.type7(column, 0.05);
            high[i] = Quantiles.type7(column, 0.95);
            outerLow[i] = low[i] - margin;
            outerHigh[i] = high[i] + margin;
        }
        IntervalRegion region = new IntervalRegion("fc", low, high, outerLow, outerHigh, RegionMode.COMPLEMENT);

        double[][] deltaWeight = new double[units][d];
        double[] deltaBias = new double[units];
        for (int u = 0; u < units; u++) {
            for (int j = 0; j < d; j++) {
                deltaWeight[u][j] = random.nextGaussian();
            }
            deltaBias[u] = random.nextGaussian();
        }
        return new Setup(projection, region, deltaWeight, deltaBias);
    }

    private static double[] input(Projection projection, double[] z) {
        double[] x = projection.mean().clone();
        double[][] basis = projection.forgetBasis();
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < x.length; j++) {
                x[j] += z[i] * basis[i][j];
            }
        }
        return x;
    }

    private static double largestChange(Setup setup, double[] x) {
        double largest = 0;
        for (int u = 0; u < setup.deltaWeight.length; u++) {
            double change = setup.deltaBias[u] + TestMatrices.dot(setup.deltaWeight[u], x);
            largest = Math.max(largest, Math.abs(change));
        }
        return largest;
    }

    @Test
    void boundHoldsAndIsAttainedAtVertex() {
        for (int k : new int[] {1, 3, 5}) {
            Setup setup = setup(70 + k, 8, k, 5, 2.0);
            double bound = Certificates.bound(setup.projection, setup.region, setup.deltaWeight, setup.deltaBias);

            double largestAtVertex = 0;
            for (int mask = 0; mask < (1 << k); mask++) {
                double[] z = new double[k];
                for (int i = 0; i < k; i++) {
                    z[i] = (mask & (1 << i)) != 0 ? setup.region.outerHigh()[i] : setup.region.outerLow()[i];
                }
                assertEquals(IntervalRegion.Location.PROTECTED, setup.region.locate(z), "vertex " + mask);
                double change = largestChange(setup, input(setup.projection, z));
                // Tolerance 1e-9 relative: the vertex value and B are the same sums in another order.
                assertTrue(change <= bound * (1 + 1e-9), "k=" + k + ", vertex " + mask + ": " + change + " > " + bound);
                largestAtVertex = Math.max(largestAtVertex, change);
            }
            assertEquals(bound, largestAtVertex, 1e-6 * bound, "k=" + k + ": some vertex attains B");
        }
    }

    @Test
    void boundHoldsBetweenTheBoxes() {
        Setup setup = setup(75, 8, 4, 6, 1.5);
        double bound = Certificates.bound(setup.projection, setup.region, setup.deltaWeight, setup.deltaBias);
        Random random = new Random(76);
        int checked = 0;
        while (checked < 20_000) {
            double[] z = new double[4];
            for (int i = 0; i < 4; i++) {
                double lo = setup.region.outerLow()[i];
                double hi = setup.region.outerHigh()[i];
                z[i] = lo + random.nextDouble() * (hi - lo);
            }
            if (setup.region.locate(z) != IntervalRegion.Location.PROTECTED) {
                continue;
            }
            double change = largestChange(setup, input(setup.projection, z));
            assertTrue(change <= bound * (1 + 1e-9), "point " + checked + ": " + change + " > " + bound);
            checked++;
        }
    }

    @Test
    void meanShiftIsChangeAtMean() {
        Setup setup = setup(77, 6, 2, 3, 1.0);
        double[] g = Certificates.meanShift(setup.projection, setup.deltaWeight, setup.deltaBias);
        for (int u = 0; u < 3; u++) {
            double direct = setup.deltaBias[u] + TestMatrices.dot(setup.deltaWeight[u], setup.projection.mean());
            assertEquals(direct, g[u], 1e-12);
        }
        double[] withoutBias = Certificates.meanShift(setup.projection, setup.deltaWeight, null);
        assertEquals(g[0] - setup.deltaBias[0], withoutBias[0], 1e-12);
    }

    @Test
    void accumulatorCountsLocationsAndDrift() {
        Setup setup = setup(78, 6, 2, 4, 1.0);
        Projection projection = setup.projection;
        IntervalRegion region = setup.region;
        double[] centre = new double[2];
        double[] corner = new double[2];
        double[] far = new double[2];
        for (int i = 0; i < 2; i++) {
            centre[i] = 0.5 * (region.forgetLow()[i] + region.forgetHigh()[i]);
            corner[i] = region.outerHigh()[i] - 1e-3;
            far[i] = region.outerHigh()[i] + 1.0;
        }
        // 3 rows in the forget box, 5 protected, 2 outside; none has a residual component.
        double[][] rows = new double[10][];
        for (int r = 0; r < 10; r++) {
            double[] z = far;
            if (r < 3) {
                z = centre;
            } else if (r < 8) {
                z = corner;
            }
            rows[r] = input(projection, z);
        }

        CertificateAccumulator accumulator = new CertificateAccumulator(projection, region, setup.deltaWeight,
                setup.deltaBias, List.of("Only the centre tap is covered."));
        accumulator.add(new double[][] {rows[0], rows[1], rows[2], rows[3]});
        accumulator.add(java.util.Arrays.copyOfRange(rows, 4, 10));
        LayerCertificate certificate = accumulator.certificate();

        double sum = 0;
        double largest = 0;
        double largestProtected = 0;
        for (int r = 0; r < 10; r++) {
            for (int u = 0; u < 4; u++) {
                double drift = Math.abs(setup.deltaBias[u] + TestMatrices.dot(setup.deltaWeight[u], rows[r]));
                sum += drift;
                largest = Math.max(largest, drift);
                if (r >= 3 && r < 8) {
                    largestProtected = Math.max(largestProtected, drift);
                }
            }
        }
        assertEquals("fc", certificate.layer());
        assertEquals(4, certificate.outputUnits());
        assertEquals(10, certificate.retainRows());
        assertEquals(0.3, certificate.retainInForgetBox(), 1e-15);
        assertEquals(0.5, certificate.retainProtected(), 1e-15);
        assertEquals(0.2, certificate.retainOutside(), 1e-15);
        assertEquals(sum / 40, certificate.driftMean(), 1e-12);
        assertEquals(largest, certificate.driftMax(), 1e-12);
        assertEquals(largestProtected, certificate.driftMaxProtected(), 1e-12);
        assertTrue(certificate.driftMaxProtected() <= certificate.bound() * (1 + 1e-9));
        assertEquals(Certificates.bound(projection, region, setup.deltaWeight, setup.deltaBias),
                certificate.bound(), 0);
        assertTrue(certificate.notes().get(0).contains("residual"), certificate.notes().toString());
        assertEquals("Only the centre tap is covered.", certificate.notes().get(certificate.notes().size() - 1));
    }

    @Test
    void emptyAccumulatorSaysNothingWasChecked() {
        Setup setup = setup(79, 6, 2, 4, 1.0);
        LayerCertificate certificate = new CertificateAccumulator(setup.projection, setup.region,
                setup.deltaWeight, setup.deltaBias, List.of()).certificate();
        assertEquals(0, certificate.retainRows());
        assertEquals(0, certificate.driftMean());
        assertTrue(certificate.notes().stream().anyMatch(n -> n.contains("No retain rows")),
                certificate.notes().toString());
    }

    @Test
    void rejectsMismatchedShapes() {
        Setup setup = setup(80, 6, 2, 4, 1.0);
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> Certificates.bound(setup.projection, setup.region, new double[][] {{1, 2}}, null));
        assertTrue(width.getMessage().contains("fc"), width.getMessage());
        assertTrue(width.getMessage().contains("6"), width.getMessage());
        IllegalArgumentException bias = assertThrows(IllegalArgumentException.class,
                () -> Certificates.bound(setup.projection, setup.region, setup.deltaWeight, new double[3]));
        assertTrue(bias.getMessage().contains("4 output units"), bias.getMessage());
        IntervalRegion wrongDimension = new IntervalRegion("fc", new double[1], new double[1], new double[1],
                new double[1], RegionMode.CORNER);
        assertThrows(IllegalArgumentException.class, () -> Certificates.bound(setup.projection, wrongDimension,
                setup.deltaWeight, setup.deltaBias));
    }
}

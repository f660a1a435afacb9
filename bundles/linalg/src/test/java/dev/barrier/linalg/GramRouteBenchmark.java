package dev.barrier.linalg;

import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * Prints timings of the ways to fit activation statistics, measured side by side in one run. It asserts nothing
 * about time and is excluded from the default test run; run it with
 * {@code mvn -o test -pl bundles/linalg -Dtest='GramRouteBenchmark#*'}.
 *
 * <ul>
 *   <li>A 256-wide layer with 20,000 rows: the Gram route (batch Gram matrices of 1,000 rows computed in Java,
 *       merged by {@link StreamingMoments}, then {@link SymmetricEigen}) against EJML's thin SVD of the centred
 *       20,000×256 row matrix.</li>
 *   <li>A 2304×2304 positive semi-definite matrix: {@link RandomizedSvd} with k = 32 against the exact
 *       {@link SymmetricEigen}.</li>
 * </ul>
 * Each route runs twice and the second (warmed-up) time is printed beside the first.
 */
class GramRouteBenchmark {

    @Test
    void gramRouteAgainstThinSvd() {
        int n = 20_000;
        int d = 256;
        double[][] rows = reluRows(new Random(1), n, d);

        double[] gramTimes = new double[2];
        double[] svdTimes = new double[2];
        double[] gramSingular = null;
        double[] svdSingular = null;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            StreamingMoments moments = new StreamingMoments(d);
            for (int from = 0; from < n; from += 1000) {
                moments.addRows(Arrays.copyOfRange(rows, from, from + 1000));
            }
            gramSingular = SymmetricEigen.decompose(moments.gram(), d).singularValues();
            gramTimes[run] = seconds(start);

            start = System.nanoTime();
            double[] mean = TestMatrices.mean(rows);
            DMatrixRMaj centred = new DMatrixRMaj(n, d);
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < d; j++) {
                    centred.unsafe_set(r, j, rows[r][j] - mean[j]);
                }
            }
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, true);
            if (!svd.decompose(centred)) {
                throw new IllegalStateException("thin SVD failed");
            }
            svdSingular = svd.getSingularValues().clone();
            Arrays.sort(svdSingular);
            reverse(svdSingular);
            svdTimes[run] = seconds(start);
        }

        double largestDifference = 0;
        for (int i = 0; i < d; i++) {
            largestDifference = Math.max(largestDifference, Math.abs(gramSingular[i] - svdSingular[i]));
        }
        System.out.printf("%n256-wide layer, 20000 rows (Java %s, %d processors)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf("  %-46s %9s %9s%n", "route", "first s", "second s");
        System.out.printf("  %-46s %9.3f %9.3f%n", "Gram route (batch Grams + merge + eigen)", gramTimes[0],
                gramTimes[1]);
        System.out.printf("  %-46s %9.3f %9.3f%n", "EJML thin SVD of the centred row matrix", svdTimes[0],
                svdTimes[1]);
        System.out.printf("  SVD / Gram time ratio: %.1f (first), %.1f (second)%n", svdTimes[0] / gramTimes[0],
                svdTimes[1] / gramTimes[1]);
        System.out.printf("  singular values: largest %.6g, smallest %.6g; max |Gram - SVD| = %.3g (%.3g of largest)%n",
                svdSingular[0], svdSingular[d - 1], largestDifference, largestDifference / svdSingular[0]);
    }

    @Test
    void randomizedAgainstExactEigen() {
        int d = 2304;
        int k = 32;
        double[] gram = decayingGram(new Random(2), 600, d);

        long start = System.nanoTime();
        new RandomizedSvd(k, 0).decompose(gram, d);
        double randomizedFirstTime = seconds(start);
        start = System.nanoTime();
        SymmetricEigen randomized = new RandomizedSvd(k, 0).decompose(gram, d);
        double randomizedTime = seconds(start);

        start = System.nanoTime();
        SymmetricEigen exact = SymmetricEigen.decompose(gram, d);
        double exactTime = seconds(start);

        double angle = PrincipalAngles.largest(Arrays.copyOf(exact.vectors(), k), randomized.vectors());
        double[] exactValues = exact.values();
        double[] values = randomized.values();
        double largestRelative = 0;
        for (int i = 0; i < k; i++) {
            largestRelative = Math.max(largestRelative, Math.abs(values[i] - exactValues[i]) / exactValues[i]);
        }
        System.out.printf("%n2304x2304 Gram matrix, top k = 32 (oversampling %d, power iterations %d)%n",
                RandomizedSvd.DEFAULT_OVERSAMPLING, RandomizedSvd.DEFAULT_POWER_ITERATIONS);
        System.out.printf("  %-46s %9.3f s (first run %.3f s)%n", "randomized SVD", randomizedTime,
                randomizedFirstTime);
        System.out.printf("  %-46s %9.3f s%n", "exact symmetric eigendecomposition", exactTime);
        System.out.printf("  exact / randomized time ratio: %.1f%n", exactTime / randomizedTime);
        System.out.printf("  eigenvalues 1, 32, 33: %.6g, %.6g, %.6g; largest principal angle %.3g rad; "
                + "max relative eigenvalue error %.3g%n", exactValues[0], exactValues[k - 1], exactValues[k], angle,
                largestRelative);
    }

    /** Rows like a ReLU layer's output: 32 latent factors plus noise, shifted and cut at zero. */
    private static double[][] reluRows(Random random, int n, int d) {
        int factors = 32;
        double[][] loading = new double[d][factors];
        for (double[] row : loading) {
            for (int f = 0; f < factors; f++) {
                row[f] = random.nextGaussian() / Math.sqrt(factors);
            }
        }
        double[][] rows = new double[n][d];
        double[] latent = new double[factors];
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < factors; f++) {
                latent[f] = random.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double sum = 0.5 + 0.3 * random.nextGaussian();
                for (int f = 0; f < factors; f++) {
                    sum += loading[i][f] * latent[f];
                }
                rows[r][i] = Math.max(sum, 0);
            }
        }
        return rows;
    }

    /** G = BᵀB for m Gaussian rows B_r scaled by 1/(1 + r/8), so the spectrum decays. */
    private static double[] decayingGram(Random random, int m, int d) {
        DMatrixRMaj b = new DMatrixRMaj(m, d);
        for (int r = 0; r < m; r++) {
            double scale = 1 / (1 + r / 8.0);
            for (int j = 0; j < d; j++) {
                b.unsafe_set(r, j, scale * random.nextGaussian());
            }
        }
        DMatrixRMaj gram = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(b, b, gram);
        return gram.getData();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void reverse(double[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}

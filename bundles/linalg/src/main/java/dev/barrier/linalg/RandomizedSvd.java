package dev.barrier.linalg;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The top k eigenpairs of a symmetric positive semi-definite d×d matrix A (a Gram matrix), found with the
 * randomized range finder of Halko, Martinsson and Tropp (SIAM Review 53(2), 2011, Algorithms 4.4 and 5.3).
 *
 * <p>Steps: draw a Gaussian test matrix Ω (d × l, l = min(k + oversampling, d)) from the seed; form Y = AΩ and
 * an orthonormal basis Q of its range by QR; run the power iterations, each of which multiplies by Aᵀ and then
 * by A with a QR re-orthonormalisation after each product (for a symmetric A this sharpens the spectrum to
 * A^(2q+1)); then solve the small eigenproblem of B = QᵀAQ (l × l) exactly and map its top k eigenvectors back
 * with Q. The cost is O(d²·l·(2q+1)) for the products plus O(l³), against O(d³) for a full decomposition.
 *
 * <p>The result is accurate when the spectrum has a gap after the k-th eigenvalue; oversampling and power
 * iterations trade time for accuracy when it has not. Results are deterministic for a given seed.
 */
public final class RandomizedSvd {

    /** The default number of extra test vectors beyond k. */
    public static final int DEFAULT_OVERSAMPLING = 10;

    /** The default number of power iterations. */
    public static final int DEFAULT_POWER_ITERATIONS = 2;

    private final int rank;
    private final int oversampling;
    private final int powerIterations;
    private final long seed;

    /**
     * Creates a range finder for the top {@code rank} eigenpairs.
     *
     * @param rank            k, at least 1
     * @param oversampling    extra test vectors, at least 0
     * @param powerIterations q, at least 0
     * @param seed            the seed of the Gaussian test matrix
     * @throws IllegalArgumentException if a count is out of range
     */
    public RandomizedSvd(int rank, int oversampling, int powerIterations, long seed) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1, got " + rank);
        }
        if (oversampling < 0) {
            throw new IllegalArgumentException("oversampling must not be negative, got " + oversampling);
        }
        if (powerIterations < 0) {
            throw new IllegalArgumentException("power iterations must not be negative, got " + powerIterations);
        }
        this.rank = rank;
        this.oversampling = oversampling;
        this.powerIterations = powerIterations;
        this.seed = seed;
    }

    /** Creates a range finder for the top {@code rank} eigenpairs with the default oversampling and iterations. */
    public RandomizedSvd(int rank, long seed) {
        this(rank, DEFAULT_OVERSAMPLING, DEFAULT_POWER_ITERATIONS, seed);
    }

    /**
     * Returns the approximate top k eigenpairs of {@code matrix}, eigenvalues descending, eigenvectors as
     * orthonormal rows (signs as computed; apply {@link SignRule} to fix them).
     *
     * @param matrix d×d row-major, symmetric positive semi-definite; not modified
     * @param d      the matrix's order
     * @throws IllegalArgumentException if the length is not d², k exceeds d, or a value is NaN or infinite
     * @throws IllegalStateException if a decomposition fails
     */
    public SymmetricEigen decompose(double[] matrix, int d) {
        if (d < 1 || matrix.length != d * d) {
            throw new IllegalArgumentException("expected a " + d + "x" + d + " matrix (" + ((long) d * d)
                    + " entries), got " + matrix.length + " entries");
        }
        if (rank > d) {
            throw new IllegalArgumentException("rank " + rank + " exceeds the matrix order " + d);
        }
        for (int i = 0; i < matrix.length; i++) {
            if (!Double.isFinite(matrix[i])) {
                throw new IllegalArgumentException("matrix entry (" + (i / d) + ", " + (i % d) + ") is " + matrix[i]
                        + "; expected finite values");
            }
        }
        int columns = Math.min(rank + oversampling, d);
        DMatrixRMaj a = DMatrixRMaj.wrap(d, d, matrix);

        DMatrixRMaj q = orthonormalBasis(gaussian(d, columns));
        DMatrixRMaj product = new DMatrixRMaj(d, columns);
        CommonOps_DDRM.mult(a, q, product);
        q = orthonormalBasis(product);
        for (int iteration = 0; iteration < powerIterations; iteration++) {
            CommonOps_DDRM.multTransA(a, q, product);
            q = orthonormalBasis(product);
            CommonOps_DDRM.mult(a, q, product);
            q = orthonormalBasis(product);
        }

        // B = QᵀAQ, the matrix restricted to the found range.
        CommonOps_DDRM.mult(a, q, product);
        DMatrixRMaj small = new DMatrixRMaj(columns, columns);
        CommonOps_DDRM.multTransA(q, product, small);
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < i; j++) {
                double average = 0.5 * (small.unsafe_get(i, j) + small.unsafe_get(j, i));
                small.unsafe_set(i, j, average);
                small.unsafe_set(j, i, average);
            }
        }
        SymmetricEigen reduced = SymmetricEigen.decompose(small.getData(), columns);

        double[] values = new double[rank];
        double[][] vectors = new double[rank][];
        double[] reducedValues = reduced.values();
        double[][] reducedVectors = reduced.vectors();
        for (int r = 0; r < rank; r++) {
            values[r] = reducedValues[r];
            double[] w = reducedVectors[r];
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int j = 0; j < columns; j++) {
                    sum += q.unsafe_get(i, j) * w[j];
                }
                v[i] = sum;
            }
            vectors[r] = SymmetricEigen.normalised(v, d);
        }
        return new SymmetricEigen(d, values, vectors);
    }

    private DMatrixRMaj gaussian(int rows, int columns) {
        Random random = new Random(seed);
        DMatrixRMaj omega = new DMatrixRMaj(rows, columns);
        for (int i = 0; i < omega.getNumElements(); i++) {
            omega.set(i, random.nextGaussian());
        }
        return omega;
    }

    private static DMatrixRMaj orthonormalBasis(DMatrixRMaj y) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(y.numRows, y.numCols);
        if (!qr.decompose(y.copy())) {
            throw new IllegalStateException("QR decomposition of a " + y.numRows + "x" + y.numCols
                    + " matrix failed");
        }
        return qr.getQ(null, true);
    }
}

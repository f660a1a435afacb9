package dev.barrier.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenpairs of a real symmetric matrix, eigenvalues in descending order and eigenvectors as unit-length rows.
 *
 * <p>{@link #decompose} returns all d pairs; {@link RandomizedSvd} returns only the top ones in the same form.
 * Eigenvector signs are whatever the algorithm produced; apply {@link SignRule} to fix them. Instances are
 * immutable and return copies.
 */
public final class SymmetricEigen {

    /** Largest asymmetry |a_ij − a_ji|, relative to the largest |a_ij|, that {@link #decompose} accepts. */
    static final double SYMMETRY_TOLERANCE = 1e-8;

    private final int width;
    private final double[] values;
    private final double[][] vectors;

    SymmetricEigen(int width, double[] values, double[][] vectors) {
        this.width = width;
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Computes every eigenpair of a symmetric matrix with EJML's symmetric QR algorithm. The matrix is
     * symmetrised as (A + Aᵀ)/2 first, which removes rounding differences between its two triangles.
     *
     * @param matrix d×d row-major; not modified
     * @param d      the matrix's order
     * @throws IllegalArgumentException if the length is not d², a value is NaN or infinite, or the matrix is not
     *         symmetric to within 1e-8 of its largest entry
     * @throws IllegalStateException if the decomposition does not converge
     */
    public static SymmetricEigen decompose(double[] matrix, int d) {
        DMatrixRMaj a = symmetrised(matrix, d);
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eigen.decompose(a)) {
            throw new IllegalStateException("symmetric eigendecomposition of a " + d + "x" + d
                    + " matrix did not converge");
        }

        Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> eigen.getEigenvalue(i).real).reversed());
        double[] values = new double[d];
        double[][] vectors = new double[d][];
        for (int rank = 0; rank < d; rank++) {
            int index = order[rank];
            values[rank] = eigen.getEigenvalue(index).real;
            vectors[rank] = normalised(eigen.getEigenVector(index).getData(), d);
        }
        return new SymmetricEigen(d, values, vectors);
    }

    /** Returns d, the order of the decomposed matrix. */
    public int width() {
        return width;
    }

    /** Returns the number of eigenpairs held: d for {@link #decompose}, k for a randomized decomposition. */
    public int count() {
        return values.length;
    }

    /** Returns the eigenvalues, descending. */
    public double[] values() {
        return values.clone();
    }

    /** Returns the eigenvectors as rows, in the order of {@link #values()}. */
    public double[][] vectors() {
        double[][] copy = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            copy[i] = vectors[i].clone();
        }
        return copy;
    }

    /**
     * Returns √max(λ, 0) for each eigenvalue, descending. For a Gram matrix G = XᵀX these are the singular values
     * of X. Rounding can make the eigenvalues of a positive semi-definite matrix slightly negative; they are
     * clamped to 0 before the square root.
     */
    public double[] singularValues() {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.sqrt(Math.max(values[i], 0.0));
        }
        return out;
    }

    private static DMatrixRMaj symmetrised(double[] matrix, int d) {
        if (d < 1 || matrix.length != d * d) {
            throw new IllegalArgumentException("expected a " + d + "x" + d + " matrix (" + ((long) d * d)
                    + " entries), got " + matrix.length + " entries");
        }
        double largest = 0;
        for (int i = 0; i < matrix.length; i++) {
            if (!Double.isFinite(matrix[i])) {
                throw new IllegalArgumentException("matrix entry (" + (i / d) + ", " + (i % d) + ") is " + matrix[i]
                        + "; expected finite values");
            }
            largest = Math.max(largest, Math.abs(matrix[i]));
        }

        DMatrixRMaj a = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double upper = matrix[i * d + j];
                double lower = matrix[j * d + i];
                if (Math.abs(upper - lower) > SYMMETRY_TOLERANCE * largest) {
                    throw new IllegalArgumentException("matrix is not symmetric: entry (" + i + ", " + j + ") is "
                            + upper + " but (" + j + ", " + i + ") is " + lower);
                }
                double average = 0.5 * (upper + lower);
                a.unsafe_set(i, j, average);
                a.unsafe_set(j, i, average);
            }
        }
        return a;
    }

    static double[] normalised(double[] vector, int d) {
        double[] out = Arrays.copyOf(vector, d);
        double norm = 0;
        for (double v : out) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < d; i++) {
                out[i] /= norm;
            }
        }
        return out;
    }
}

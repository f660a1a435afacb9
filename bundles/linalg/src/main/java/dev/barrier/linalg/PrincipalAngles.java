package dev.barrier.linalg;

/**
 * Principal angles between subspaces of ℝ^d given by orthonormal rows.
 */
public final class PrincipalAngles {

    /** Largest deviation from orthonormality, |AAᵀ − I|, that the inputs may have. */
    static final double ORTHONORMALITY_TOLERANCE = 1e-6;

    private PrincipalAngles() {
    }

    /**
     * Returns the largest principal angle, in radians from 0 to π/2, between the spans of {@code a} and
     * {@code b}. It is computed from its sine, sin θ_max = ‖B − BAᵀA‖₂ (the part of span(B) that span(A) misses),
     * which stays accurate for small angles where the cosine form loses digits.
     *
     * @param a k orthonormal rows of length d
     * @param b k orthonormal rows of length d
     * @throws IllegalArgumentException if the row counts or lengths differ, or a basis is not orthonormal to
     *         within 1e-6
     */
    public static double largest(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("expected subspaces of equal dimension, got " + a.length + " and "
                    + b.length + " rows");
        }
        int k = a.length;
        if (k == 0) {
            return 0;
        }
        int d = a[0].length;
        requireOrthonormal(a, d, "first");
        requireOrthonormal(b, d, "second");

        // R = B − (BAᵀ)A, k × d.
        double[][] residual = new double[k][d];
        for (int i = 0; i < k; i++) {
            double[] row = b[i].clone();
            for (int j = 0; j < k; j++) {
                double overlap = dot(b[i], a[j]);
                for (int c = 0; c < d; c++) {
                    row[c] -= overlap * a[j][c];
                }
            }
            residual[i] = row;
        }

        // ‖R‖₂² is the largest eigenvalue of RRᵀ (k × k).
        double[] outer = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                outer[i * k + j] = dot(residual[i], residual[j]);
            }
        }
        double largestEigenvalue = SymmetricEigen.decompose(outer, k).values()[0];
        double sine = Math.sqrt(Math.max(largestEigenvalue, 0.0));
        return Math.asin(Math.min(sine, 1.0));
    }

    private static void requireOrthonormal(double[][] rows, int d, String basisName) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(basisName + " basis: row " + i + " has length " + rows[i].length
                        + ", expected " + d);
            }
            for (int j = 0; j <= i; j++) {
                double expected = i == j ? 1 : 0;
                double actual = dot(rows[i], rows[j]);
                if (Math.abs(actual - expected) > ORTHONORMALITY_TOLERANCE) {
                    throw new IllegalArgumentException(basisName + " basis is not orthonormal: rows " + i + " and " + j
                            + " have inner product " + actual + ", expected " + expected);
                }
            }
        }
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}

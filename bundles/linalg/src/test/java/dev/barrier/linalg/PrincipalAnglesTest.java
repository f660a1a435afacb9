package dev.barrier.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tests of the largest principal angle on subspaces with known angles. */
class PrincipalAnglesTest {

    private static double[][] planeAt(double angle) {
        return new double[][] {{1, 0, 0, 0}, {0, Math.cos(angle), Math.sin(angle), 0}};
    }

    @Test
    void knownAngles() {
        double[][] base = planeAt(0);
        for (double angle : new double[] {1e-7, 1e-3, 0.4, 1.2}) {
            assertEquals(angle, PrincipalAngles.largest(base, planeAt(angle)), 1e-12 + 1e-9 * angle,
                    "angle " + angle);
        }
        assertEquals(Math.PI / 2, PrincipalAngles.largest(base, new double[][] {{0, 0, 1, 0}, {0, 0, 0, 1}}), 1e-7);
    }

    @Test
    void rotationInsideSubspaceIsZero() {
        double[][] q = TestMatrices.orthogonal(new Random(61), 6);
        double[][] a = {q[0], q[1]};
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[][] b = new double[2][6];
        for (int j = 0; j < 6; j++) {
            b[0][j] = c * q[0][j] + s * q[1][j];
            b[1][j] = -s * q[0][j] + c * q[1][j];
        }
        assertTrue(PrincipalAngles.largest(a, b) < 1e-7);
    }

    @Test
    void rejectsMismatchedOrNonOrthonormalBases() {
        assertThrows(IllegalArgumentException.class,
                () -> PrincipalAngles.largest(planeAt(0), new double[][] {{1, 0, 0, 0}}));
        IllegalArgumentException notOrthonormal = assertThrows(IllegalArgumentException.class,
                () -> PrincipalAngles.largest(planeAt(0), new double[][] {{2, 0, 0, 0}, {0, 1, 0, 0}}));
        assertTrue(notOrthonormal.getMessage().contains("orthonormal"), notOrthonormal.getMessage());
    }
}

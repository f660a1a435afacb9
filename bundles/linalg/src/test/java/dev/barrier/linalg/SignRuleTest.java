package dev.barrier.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tests of the sign rule: sign-free output, ties within 1e-9 relative, lowest index among ties. */
class SignRuleTest {

    @Test
    void flippedBasisGivesIdenticalOutput() {
        Random random = new Random(31);
        double[][] basis = TestMatrices.orthogonal(random, 9);
        double[][] flipped = new double[9][9];
        for (int i = 0; i < 9; i++) {
            double sign = random.nextBoolean() ? -1 : 1;
            for (int j = 0; j < 9; j++) {
                flipped[i][j] = sign * basis[i][j];
            }
        }
        double[][] fixed = SignRule.applyToRows(basis);
        double[][] fixedFromFlipped = SignRule.applyToRows(flipped);
        for (int i = 0; i < 9; i++) {
            assertArrayEquals(fixed[i], fixedFromFlipped[i], 0, "direction " + i);
            assertTrue(fixed[i][SignRule.decidingIndex(fixed[i])] > 0, "largest entry positive in " + i);
        }
    }

    @Test
    void lowestIndexDecidesAmongTies() {
        // Entries 1 and 2 are within 1e-9 relative of each other: entry 1 decides although entry 2 is larger.
        double[] v = {0.1, -0.5, 0.5 + 1e-12, 0.2};
        assertEquals(1, SignRule.decidingIndex(v));
        assertArrayEquals(new double[] {-0.1, 0.5, -(0.5 + 1e-12), -0.2}, SignRule.apply(v.clone()), 0);

        double[] negated = {-0.1, 0.5, -(0.5 + 1e-12), -0.2};
        assertArrayEquals(SignRule.apply(v.clone()), SignRule.apply(negated), 0);
    }

    @Test
    void clearLargestEntryDecides() {
        // 1e-6 relative is not a tie, so the larger entry (index 2, positive) decides and nothing flips.
        double[] v = {0.1, -0.5, 0.5 * (1 + 1e-6)};
        assertEquals(2, SignRule.decidingIndex(v));
        assertArrayEquals(v.clone(), SignRule.apply(v.clone()), 0);
    }

    @Test
    void zeroVectorIsLeftAlone() {
        double[] zero = new double[4];
        assertEquals(-1, SignRule.decidingIndex(zero));
        assertArrayEquals(new double[4], SignRule.apply(zero), 0);
    }
}

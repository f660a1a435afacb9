package dev.barrier.eval.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The arithmetic of recognition rates, UA and retain recognition. */
class RecognitionTallyTest {

    @Test
    void percentagesFromCounts() {
        RecognitionTally tally = new RecognitionTally(4);
        tally.add(0, new long[] {0, 1, 1, 1});
        tally.add(1, new long[] {1, 1, 1, 1});
        tally.add(2, new long[] {2, 2, 0, 3});
        tally.add(3, new long[] {3, 3, 3, 0});
        assertArrayEquals(new double[] {25, 100, 50, 75}, tally.perClass(), 1e-12);
        boolean[] forgetZero = {true, false, false, false};
        assertEquals(75, tally.unlearningAccuracy(forgetZero), 1e-12);
        assertEquals(75, tally.retainRecognition(forgetZero), 1e-12);
        boolean[] forgetTwo = {true, false, true, false};
        // Pooled over classes 0 and 2: 3 of 8 recognised.
        assertEquals(100 - 37.5, tally.unlearningAccuracy(forgetTwo), 1e-12);
        assertEquals(87.5, tally.retainRecognition(forgetTwo), 1e-12);
    }

    @Test
    void undefinedValuesAreNaN() {
        RecognitionTally tally = new RecognitionTally(3);
        tally.add(1, new long[] {1});
        assertTrue(Double.isNaN(tally.unlearningAccuracy(new boolean[3])), "no forgotten class");
        assertTrue(Double.isNaN(tally.perClass()[0]), "no images of class 0");
        assertEquals(100, tally.retainRecognition(new boolean[] {false, false, true}), 1e-12);
    }
}

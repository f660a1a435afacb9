package dev.barrier.model.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.NoiseSchedule;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The noise schedule, the closed-form forward process and the timestep draws. */
class ScheduleAndNoisingTest {

    @Test
    void alphaBarMatchesClosedForm() {
        NoiseSchedule schedule;
        try (DiffusionNetwork<?> model = TinyModels.latentAdapter().create(new InputSpec(1, 4, 4, 2), 0)) {
            schedule = model.schedule();
        }
        assertEquals(1000, schedule.steps());
        // ᾱ_t = exp(Σ_{s≤t} log(1 − β_s)) with β_s = 1e-4 + (0.02 − 1e-4) s / 999, computed independently here.
        double logSum = 0;
        for (int t = 0; t < 1000; t++) {
            double beta = 1e-4 + (0.02 - 1e-4) * t / 999;
            assertEquals(beta, schedule.beta(t), 1e-15, "beta at t = " + t);
            logSum += Math.log1p(-beta);
            assertEquals(Math.exp(logSum), schedule.alphaBar(t), 1e-12, "alpha-bar at t = " + t);
        }
        // The last value of the linear schedule of Ho et al. (2020), computed with Python's math.log1p: 4.0358e-5.
        assertEquals(4.0358e-5, schedule.alphaBar(999), 1e-9);
    }

    @Test
    void forwardNoisingMatchesClosedForm() {
        NoiseSchedule schedule = new ScheduleSettings(1000, 1e-4, 0.02).toSchedule();
        Random random = new Random(7);
        long[] timesteps = {0, 1, 250, 500, 999};
        float[] clean = new float[timesteps.length * 6];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = (float) random.nextGaussian();
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(timesteps.length, 2, 3);
            NDArray noise = ForwardNoising.gaussian(manager, shape, new Random(11));
            float[] noiseValues = noise.toFloatArray();
            float[] noisy = ForwardNoising.apply(manager.create(clean, shape), timesteps, noise, schedule)
                    .toFloatArray();
            for (int b = 0; b < timesteps.length; b++) {
                double alphaBar = schedule.alphaBar((int) timesteps[b]);
                for (int j = 0; j < 6; j++) {
                    int i = b * 6 + j;
                    double expected = Math.sqrt(alphaBar) * clean[i] + Math.sqrt(1 - alphaBar) * noiseValues[i];
                    assertEquals(expected, noisy[i], 1e-6, "sample " + b + ", value " + j);
                }
            }
        }
    }

    @Test
    void gaussianNoiseReplaysWithSeed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] first = ForwardNoising.gaussian(manager, new Shape(4, 5), new Random(3)).toFloatArray();
            float[] again = ForwardNoising.gaussian(manager, new Shape(4, 5), new Random(3)).toFloatArray();
            float[] other = ForwardNoising.gaussian(manager, new Shape(4, 5), new Random(4)).toFloatArray();
            assertArrayEquals(first, again);
            assertTrue(!Arrays.equals(first, other));
        }
    }

    @Test
    void antitheticTimestepsPairAcrossBatch() {
        long[] timesteps = ForwardNoising.antitheticTimesteps(9, 1000, new Random(5));
        for (int i = 0; i < 4; i++) {
            assertEquals(999, timesteps[i] + timesteps[4 + i], "pair " + i);
        }
        for (long t : timesteps) {
            assertTrue(t >= 0, "timestep " + t);
            assertTrue(t < 1000, "timestep " + t);
        }
    }

    @Test
    void classDroppingFollowsFraction() {
        long[] labels = new long[10_000];
        long[] none = ForwardNoising.dropClasses(labels, 0, 10, new Random(1));
        long[] all = ForwardNoising.dropClasses(labels, 1, 10, new Random(1));
        long[] tenth = ForwardNoising.dropClasses(labels, 0.1, 10, new Random(1));
        assertEquals(0, Arrays.stream(none).filter(c -> c == 10).count());
        assertEquals(10_000, Arrays.stream(all).filter(c -> c == 10).count());
        // Binomial(10000, 0.1) has standard deviation 30; 5 standard deviations either side.
        long dropped = Arrays.stream(tenth).filter(c -> c == 10).count();
        assertTrue(dropped > 850, "dropped " + dropped);
        assertTrue(dropped < 1150, "dropped " + dropped);
    }

    @Test
    void samplingTimestepsAreStrided() {
        assertArrayEquals(new int[] {999}, DiffusionSampler.timesteps(1000, 1));
        assertArrayEquals(new int[] {0, 999}, DiffusionSampler.timesteps(1000, 2));
        int[] all = DiffusionSampler.timesteps(1000, 1000);
        for (int t = 0; t < 1000; t++) {
            assertEquals(t, all[t]);
        }
        int[] fifty = DiffusionSampler.timesteps(1000, 50);
        assertEquals(50, fifty.length);
        assertEquals(0, fifty[0]);
        assertEquals(999, fifty[49]);
        for (int j = 1; j < fifty.length; j++) {
            assertTrue(fifty[j] > fifty[j - 1], "strictly increasing at " + j);
        }
        int[] odd = DiffusionSampler.timesteps(7, 6);
        assertEquals(6, Arrays.stream(odd).distinct().count(), Arrays.toString(odd));
    }
}

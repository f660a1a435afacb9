package dev.barrier.model.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.model.InputSpec;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Invalid inputs to model creation and noise prediction get messages that name the value and the range. */
class ValidationTest {

    @Test
    void codecWiderThanImageRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Adapters.latent(Map.of("codec", Map.of("components", 800))).create(TinyModels.FASHION, 0));
        assertTrue(error.getMessage().contains("at most 784 components, got 800"), error.getMessage());
    }

    @Test
    void unetImageSizeMustDivide() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Adapters.unet(Map.of("width", 8, "levels", 4)).create(TinyModels.FASHION, 0));
        assertTrue(error.getMessage().contains("divisible by 8, got 28x28"), error.getMessage());
    }

    @Test
    void predictNoiseChecksClassesTimestepsAndShapes() {
        try (DiffusionNetwork<?> model = TinyModels.latentAdapter(4).create(new InputSpec(1, 4, 4, 3), 0);
                NDManager manager = NDManager.newBaseManager()) {
            NDArray noisy = manager.zeros(new Shape(2, 4));
            NDArray timesteps = manager.create(new long[] {0, 999});
            NDArray classes = manager.create(new long[] {0, 3});
            model.predictNoise(noisy, timesteps, classes, false, null);

            IllegalArgumentException badClass = assertThrows(IllegalArgumentException.class,
                    () -> model.predictNoise(noisy, timesteps, manager.create(new long[] {0, 4}), false, null));
            assertTrue(badClass.getMessage().contains("classes must be in [0, 3]"), badClass.getMessage());
            assertTrue(badClass.getMessage().contains("to 4"), badClass.getMessage());

            IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class,
                    () -> model.predictNoise(noisy, manager.create(new long[] {0, 1000}), classes, false, null));
            assertTrue(badTime.getMessage().contains("timesteps must be in [0, 1000)"), badTime.getMessage());

            IllegalArgumentException badShape = assertThrows(IllegalArgumentException.class,
                    () -> model.predictNoise(manager.zeros(new Shape(2, 5)), timesteps, classes, false, null));
            assertTrue(badShape.getMessage().contains("[B, 4], got (2, 5)"), badShape.getMessage());

            IllegalArgumentException badBatch = assertThrows(IllegalArgumentException.class,
                    () -> model.predictNoise(noisy, manager.create(new long[] {0}), classes, false, null));
            assertTrue(badBatch.getMessage().contains("shape [2]"), badBatch.getMessage());
        }
    }

    @Test
    void adapterRejectsClassifierModels() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DiffusionAdapter.diffusion(null));
        assertTrue(error.getMessage().contains("needs a diffusion model"), error.getMessage());
    }
}

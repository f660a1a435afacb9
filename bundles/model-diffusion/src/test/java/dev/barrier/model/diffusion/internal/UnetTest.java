package dev.barrier.model.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.CollectionSettings;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.SamplingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixel-space UNet at tiny sizes: forward shapes, a few training steps, sampling and collection. */
class UnetTest {

    @TempDir
    Path folder;

    @Test
    void fashionSizedForwardPass() {
        DiffusionAdapter adapter = Adapters.unet(Map.of("width", 8));
        try (DiffusionNetwork<?> model = adapter.create(TinyModels.FASHION, 0);
                NDManager manager = NDManager.newBaseManager()) {
            NDArray noisy = ForwardNoising.gaussian(manager, new Shape(2, 1, 28, 28), new Random(1));
            NDArray out = model.predictNoise(noisy, manager.create(new long[] {5, 700}),
                    manager.create(new long[] {3, 10}), false, null);
            assertEquals(new Shape(2, 1, 28, 28), out.getShape());
            assertTrue(out.isNaN().logicalNot().all().getBoolean());
            assertTrue(adapter.layerNames().contains("down3.attention.q"), "attention at level 3 (7x7)");
        }
    }

    @Test
    void trainsAndSamplesTinyImages() {
        DiffusionAdapter adapter = Adapters.unet(Map.of("width", 8, "levels", 2, "attention", 2, "training",
                Map.of("epochs", 1, "batchSize", 8)));
        ImageDataset data = SyntheticImages.random(16, 2, 1, 8, 8, 2);
        TestRunContext context = new TestRunContext(folder, 42);
        try (DiffusionNetwork<?> model = adapter.create(new InputSpec(1, 8, 8, 2), 0);
                NDManager manager = NDManager.newBaseManager()) {
            float[] before = model.weight("mid.attention.q").getArray().toFloatArray();
            TrainingSummary summary = adapter.train(model, Subset.all("train", data), adapter.training(), context);
            assertFalse(summary.diverged());
            assertEquals(2, summary.steps());
            assertTrue(Double.isFinite(summary.epochLosses().get(0)));
            float[] after = model.weight("mid.attention.q").getArray().toFloatArray();
            assertFalse(java.util.Arrays.equals(before, after), "training changes the attention projections");

            for (SamplingSettings.Sampler sampler : SamplingSettings.Sampler.values()) {
                NDArray images = model.sample(new int[] {0, 1, 1}, new SamplingSettings(sampler, 3, 1.0, 0), 4,
                        manager);
                assertEquals(new Shape(3, 1, 8, 8), images.getShape());
                assertTrue(images.min().getFloat() >= 0, sampler.name());
                assertTrue(images.max().getFloat() <= 1, sampler.name());
            }
        }
    }

    @Test
    void collectsAttentionInputs() {
        DiffusionAdapter adapter = TinyModels.unetAdapter();
        ImageDataset data = SyntheticImages.random(6, 2, 1, 8, 8, 3);
        TestRunContext context = new TestRunContext(folder, 42);
        try (DiffusionNetwork<?> model = adapter.create(new InputSpec(1, 8, 8, 2), 0)) {
            List<Shape> shapes = new ArrayList<>();
            adapter.collectLayerInputs(model, Subset.all("forget", data), adapter.defaultTargets(),
                    new CollectionSettings(4, 1, 1, 0.1), (layer, input) -> shapes.add(input.getShape()), context);
            // Two batches (4 and 2 images) and three target layers each.
            assertEquals(6, shapes.size());
            assertEquals(new Shape(4, 16, 4, 4), shapes.get(0));
            assertEquals(new Shape(2, 16, 4, 4), shapes.get(5));
        }
    }
}

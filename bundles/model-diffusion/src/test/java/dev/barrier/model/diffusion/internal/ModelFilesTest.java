package dev.barrier.model.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.InputSpec;
import dev.barrier.nn.ImageBatches;
import dev.barrier.testing.TestRunContext;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, loading and copying diffusion models, codec constants included. */
class ModelFilesTest {

    @TempDir
    Path folder;

    @Test
    void latentSaveLoadKeepsCodecAndDenoiser() throws Exception {
        DiffusionAdapter adapter = TinyModels.latentAdapter(8);
        ImageDataset data = SyntheticImages.random(60, 3, 1, 6, 6, 1);
        InputSpec spec = new InputSpec(1, 6, 6, 3);
        Path file = folder.resolve("latent.model");
        TestRunContext context = new TestRunContext(folder, 42);
        try (LatentDiffusionNetwork original = TinyModels.fittedLatent(adapter, data, 1, context);
                NDManager manager = NDManager.newBaseManager()) {
            adapter.save(original, file);
            try (DiffusionNetwork<?> loaded = adapter.load(file, spec)) {
                assertTrue(((LatentDiffusionNetwork) loaded).codec().fitted());
                assertSameOutputs(original, loaded, data, manager);
            }
        }
    }

    @Test
    void latentCopyIsIndependent() {
        DiffusionAdapter adapter = TinyModels.latentAdapter(8);
        ImageDataset data = SyntheticImages.random(60, 3, 1, 6, 6, 2);
        TestRunContext context = new TestRunContext(folder, 42);
        try (LatentDiffusionNetwork original = TinyModels.fittedLatent(adapter, data, 2, context);
                NDManager manager = NDManager.newBaseManager()) {
            try (DiffusionNetwork<?> copy = (DiffusionNetwork<?>) original.copy()) {
                assertTrue(((LatentDiffusionNetwork) copy).codec().fitted());
                assertSameOutputs(original, copy, data, manager);
                Parameter weight = copy.weight("block1.fc1");
                weight.getArray().set(new float[(int) weight.getArray().size()]);
                assertFalse(original.weight("block1.fc1").getArray().eq(0).all().getBoolean(),
                        "changing the copy leaves the original alone");
            }
        }
    }

    @Test
    void codecConstantsAreNotListedAsParameters() {
        try (DiffusionNetwork<?> model = TinyModels.latentAdapter(8).create(new InputSpec(1, 6, 6, 3), 0)) {
            Map<String, Parameter> parameters = model.parameters();
            assertTrue(parameters.keySet().stream().noneMatch(name -> name.startsWith("codec")),
                    parameters.keySet().toString());
            assertTrue(parameters.containsKey("block1.fc1.weight"), parameters.keySet().toString());
            // hidden 32, 2 blocks, 16 time features, 3 classes + null, 8 components:
            // 16*32+32 + 4*32 + 32*32+32 + 8*32+32 + 2*(2*32 + 2*(32*32+32)) + 2*32 + 32*8+8
            long expected = (16 * 32 + 32) + 4 * 32 + (32 * 32 + 32) + (8 * 32 + 32)
                    + 2 * (2 * 32 + 2 * (32 * 32 + 32)) + 2 * 32 + (32 * 8 + 8);
            assertEquals(expected, model.parameterCount());
        }
    }

    @Test
    void unetSaveLoadRoundTrip() throws Exception {
        DiffusionAdapter adapter = TinyModels.unetAdapter();
        InputSpec spec = new InputSpec(1, 8, 8, 2);
        Path file = folder.resolve("unet.model");
        ImageDataset data = SyntheticImages.random(4, 2, 1, 8, 8, 3);
        try (DiffusionNetwork<?> original = adapter.create(spec, 3); NDManager manager = NDManager.newBaseManager()) {
            adapter.save(original, file);
            try (DiffusionNetwork<?> loaded = adapter.load(file, spec)) {
                assertSameOutputs(original, loaded, data, manager);
            }
        }
    }

    @Test
    void otherArchitectureFileRejected() throws Exception {
        Path file = folder.resolve("unet.model");
        InputSpec spec = new InputSpec(1, 8, 8, 2);
        try (DiffusionNetwork<?> unet = TinyModels.unetAdapter().create(spec, 0)) {
            TinyModels.unetAdapter().save(unet, file);
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TinyModels.latentAdapter(8).load(file, spec));
        assertTrue(error.getMessage().contains("holds a unet-diffusion model, expected latent-diffusion"),
                error.getMessage());

        IllegalArgumentException settings = assertThrows(IllegalArgumentException.class,
                () -> Adapters.unet(Map.of("width", 16, "levels", 2, "attention", 2)).load(file, spec));
        assertTrue(settings.getMessage().contains("width=8"), settings.getMessage());
        assertTrue(settings.getMessage().contains("width=16"), settings.getMessage());

        assertThrows(NoSuchFileException.class, () -> TinyModels.unetAdapter().load(folder.resolve("none"), spec));
    }

    @Test
    void saveRejectsForeignModel() {
        try (DiffusionNetwork<?> unet = TinyModels.unetAdapter().create(new InputSpec(1, 8, 8, 2), 0)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> TinyModels.latentAdapter(8).save(unet, folder.resolve("x.model")));
            assertTrue(error.getMessage().contains("saves only its own models"), error.getMessage());
        }
    }

    private static void assertSameOutputs(DiffusionNetwork<?> expected, DiffusionNetwork<?> actual, ImageDataset data,
            NDManager manager) {
        int[] positions = {0, 1, 2, 3};
        try (Batch batch = ImageBatches.batch(Subset.all("all", data), positions, manager)) {
            NDArray encoded = expected.encode(batch.images());
            assertArrayEquals(encoded.toFloatArray(), actual.encode(batch.images()).toFloatArray());
            NDArray noisy = ForwardNoising.gaussian(manager, encoded.getShape(), new Random(4));
            NDArray timesteps = manager.create(new long[] {0, 10, 500, 999});
            NDArray classes = manager.create(new long[] {0, 1, 1, expected.nullClass()});
            assertArrayEquals(expected.predictNoise(noisy, timesteps, classes, false, null).toFloatArray(),
                    actual.predictNoise(noisy, timesteps, classes, false, null).toFloatArray());
            NDArray decoded = expected.decode(encoded);
            assertEquals(new Shape(4, 1, data.height(), data.width()), decoded.getShape());
            assertArrayEquals(decoded.toFloatArray(), actual.decode(encoded).toFloatArray());
        }
    }
}

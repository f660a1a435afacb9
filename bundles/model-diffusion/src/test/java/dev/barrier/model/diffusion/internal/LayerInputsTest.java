package dev.barrier.model.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.CollectionSettings;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.testing.RecordedTask;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layer names, layer taps and the collection of layer inputs from noised images. */
class LayerInputsTest {

    @TempDir
    Path folder;

    @Test
    void layerNamesMatchLayers() {
        DiffusionAdapter latent = Adapters.latent(Map.of("hidden", 16, "blocks", 3, "timeFeatures", 8, "codec",
                Map.of("components", 4)));
        try (DiffusionNetwork<?> model = latent.create(new InputSpec(1, 4, 4, 2), 0)) {
            assertEquals(latent.layerNames(), model.layers().stream().map(LayerInfo::name).toList());
            assertEquals(List.of("timeEmbedding", "classEmbedding", "classProjection", "input", "block1.fc1",
                    "block1.fc2", "block2.fc1", "block2.fc2", "block3.fc1", "block3.fc2", "output"), latent.layerNames());
            assertEquals(List.of("block1.fc1", "block1.fc2", "block2.fc1", "block2.fc2", "block3.fc1", "block3.fc2"),
                    latent.defaultTargets());
            assertEquals(LayerInfo.linear("classEmbedding", 3, 16, false), model.layer("classEmbedding"));
        }
        DiffusionAdapter unet = Adapters.unet(Map.of("width", 8, "levels", 3, "attention", 2));
        try (DiffusionNetwork<?> model = unet.create(new InputSpec(1, 8, 8, 2), 0)) {
            List<String> names = model.layers().stream().map(LayerInfo::name).toList();
            assertEquals(unet.layerNames(), names);
            assertTrue(names.containsAll(List.of("down2.attention.q", "down2.attention.k", "down2.attention.v",
                    "mid.attention.q", "up3.attention.v", "down1.downsample", "up2.upsample", "down2.skip")), names.toString());
            assertFalse(names.contains("down1.attention.q"), "attention starts at level 2");
            assertTrue(names.containsAll(unet.defaultTargets()));
            assertEquals(1, model.layer("mid.attention.q").kernel()[0]);
        }
    }

    @Test
    void tapReceivesTargetInputsInForwardOrder() {
        DiffusionAdapter adapter = TinyModels.latentAdapter(8);
        ImageDataset data = SyntheticImages.random(40, 3, 1, 6, 6, 1);
        try (LatentDiffusionNetwork model = TinyModels.fittedLatent(adapter, data, 1, new TestRunContext(folder, 42));
                NDManager manager = NDManager.newBaseManager()) {
            Map<String, Shape> seen = new LinkedHashMap<>();
            NDArray noisy = ForwardNoising.gaussian(manager, new Shape(5, 8), new Random(1));
            model.predictNoise(noisy, manager.create(new long[] {0, 1, 2, 3, 4}),
                    manager.create(new long[] {0, 1, 2, 3, 0}), false, (layer, input) -> seen.put(layer,
                            input.getShape()));
            assertEquals(adapter.layerNames(), new ArrayList<>(seen.keySet()));
            for (LayerInfo layer : model.layers()) {
                assertEquals(new Shape(5, layer.inFeatures()), seen.get(layer.name()), layer.name());
            }
        }
    }

    @Test
    void unetTapSeesAttentionProjections() {
        try (DiffusionNetwork<?> model = TinyModels.unetAdapter().create(new InputSpec(1, 8, 8, 2), 0);
                NDManager manager = NDManager.newBaseManager()) {
            Map<String, Shape> seen = new LinkedHashMap<>();
            NDArray noisy = ForwardNoising.gaussian(manager, new Shape(2, 1, 8, 8), new Random(1));
            NDArray out = model.predictNoise(noisy, manager.create(new long[] {3, 900}), manager.create(new long[] {0, 2}),
                    false, (layer, input) -> seen.put(layer, input.getShape()));
            assertEquals(new Shape(2, 1, 8, 8), out.getShape());
            assertEquals(model.layers().stream().map(LayerInfo::name).toList(), new ArrayList<>(seen.keySet()));
            assertEquals(new Shape(2, 16, 4, 4), seen.get("mid.attention.q"));
            assertEquals(new Shape(2, 32), seen.get("down1.embedding"));
        }
    }

    @Test
    void collectionReplaysWithSameSeed() {
        DiffusionAdapter adapter = TinyModels.latentAdapter(8);
        ImageDataset data = SyntheticImages.random(50, 3, 1, 6, 6, 2);
        TestRunContext context = new TestRunContext(folder, 42);
        try (LatentDiffusionNetwork model = TinyModels.fittedLatent(adapter, data, 2, context)) {
            Subset forget = Subset.all("forget", data);
            List<String> layers = List.of("block1.fc1", "block2.fc2", "timeEmbedding");
            CollectionSettings settings = new CollectionSettings(16, 2, 99, 0.1);
            Map<String, float[]> first = collect(adapter, model, forget, layers, settings, context);
            Map<String, float[]> again = collect(adapter, model, forget, layers, settings, context);
            Map<String, float[]> other = collect(adapter, model, forget, layers,
                    new CollectionSettings(16, 2, 100, 0.1), context);
            for (String layer : layers) {
                assertArrayEquals(first.get(layer), again.get(layer), layer);
                assertFalse(java.util.Arrays.equals(first.get(layer), other.get(layer)), layer);
            }
            // 2 passes over 50 images: 100 rows of width 32 (the time embedding's input has 16 features).
            assertEquals(100 * 32, first.get("block1.fc1").length);
            assertEquals(100 * 16, first.get("timeEmbedding").length);
            List<RecordedTask> tasks = context.progress().tasks();
            RecordedTask task = tasks.get(tasks.size() - 1);
            assertEquals(8, task.total());
            assertEquals(8, task.steps());
            assertTrue(task.closed());
        }
    }

    @Test
    void nullClassFractionConditionsOnNullClass() {
        DiffusionAdapter adapter = TinyModels.latentAdapter(8);
        ImageDataset data = SyntheticImages.random(20, 3, 1, 6, 6, 3);
        TestRunContext context = new TestRunContext(folder, 42);
        try (LatentDiffusionNetwork model = TinyModels.fittedLatent(adapter, data, 3, context)) {
            Subset forget = Subset.all("forget", data);
            float[] none = collect(adapter, model, forget, List.of("classEmbedding"),
                    new CollectionSettings(8, 1, 5, 0), context).get("classEmbedding");
            float[] all = collect(adapter, model, forget, List.of("classEmbedding"),
                    new CollectionSettings(8, 1, 5, 1), context).get("classEmbedding");
            // The class embedding's input is one-hot over 3 classes and the null class (index 3).
            for (int i = 0; i < 20; i++) {
                assertEquals(1f, none[i * 4 + data.label(i)], "image " + i + " keeps its class");
                assertEquals(1f, all[i * 4 + 3], "image " + i + " gets the null class");
            }
        }
    }

    @Test
    void unknownLayerRejected() {
        DiffusionAdapter adapter = TinyModels.latentAdapter(8);
        ImageDataset data = SyntheticImages.random(10, 3, 1, 6, 6, 4);
        TestRunContext context = new TestRunContext(folder, 42);
        try (LatentDiffusionNetwork model = TinyModels.fittedLatent(adapter, data, 4, context)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> adapter.collectLayerInputs(model, Subset.all("forget", data), List.of("block9.fc1"),
                            new CollectionSettings(4, 1, 0, 0.1), (layer, input) -> { }, context));
            assertTrue(error.getMessage().contains("no layer 'block9.fc1'"), error.getMessage());
            assertTrue(error.getMessage().contains("block1.fc1"), error.getMessage());
        }
    }

    private static Map<String, float[]> collect(DiffusionAdapter adapter, DiffusionNetwork<?> model, Subset data,
            List<String> layers, CollectionSettings settings, TestRunContext context) {
        Map<String, List<float[]>> rows = new LinkedHashMap<>();
        adapter.collectLayerInputs(model, data, layers, settings,
                (layer, input) -> rows.computeIfAbsent(layer, k -> new ArrayList<>()).add(input.toFloatArray()), context);
        Map<String, float[]> joined = new LinkedHashMap<>();
        rows.forEach((layer, parts) -> {
            int length = parts.stream().mapToInt(p -> p.length).sum();
            float[] all = new float[length];
            int at = 0;
            for (float[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            joined.put(layer, all);
        });
        return joined;
    }
}

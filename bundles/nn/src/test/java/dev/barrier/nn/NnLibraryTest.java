package dev.barrier.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.loss.Loss;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerType;
import dev.barrier.api.model.TrainingSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NnLibraryTest {

    private static final InputSpec SPEC = new InputSpec(1, 4, 4, 3);

    /** Three classes of 4x4 images, each brighter in a different quarter; deterministic. */
    private static ImageDataset dataset(int count) {
        Random random = new Random(7);
        byte[] pixels = new byte[count * 16];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3;
            for (int p = 0; p < 16; p++) {
                int base = (p / 4 == labels[i]) ? 200 : 30;
                pixels[i * 16 + p] = (byte) (base + random.nextInt(40));
            }
        }
        return new ImageDataset("synthetic", pixels, labels, 1, 4, 4, List.of("a", "b", "c"));
    }

    @Test
    void batchesCoverSubsetOnceAndScalePixels() {
        ImageDataset data = dataset(10);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<Integer> seen = new ArrayList<>();
            for (Batch batch : ImageBatches.shuffled(Subset.all("all", data), 4, 3, manager)) {
                try (batch) {
                    assertEquals(4, batch.images().getShape().get(2));
                    float max = batch.images().max().getFloat();
                    assertTrue(max <= 1f && max > 0.5f, "pixels scaled to [0, 1], max " + max);
                    for (int index : batch.datasetIndices()) {
                        seen.add(index);
                    }
                }
            }
            seen.sort(null);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
        }
    }

    @Test
    void layersAreDescribedAndTapped() {
        try (NDManager manager = NDManager.newBaseManager(); TinyMlp model = new TinyMlp(manager.newSubManager(), SPEC, 8, 1)) {
            assertEquals(2, model.layers().size());
            assertEquals(LayerType.LINEAR, model.layer("fc1").type());
            assertEquals(16, model.layer("fc1").inFeatures());
            assertEquals(8, model.layer("fc1").outFeatures());
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> model.layer("fc9"));
            assertTrue(missing.getMessage().contains("fc1, fc2"), missing.getMessage());

            List<String> tapped = new ArrayList<>();
            model.forward(manager.ones(new ai.djl.ndarray.types.Shape(2, 1, 4, 4)), false,
                    (layer, input) -> tapped.add(layer + input.getShape()));
            assertEquals(List.of("fc1(2, 16)", "fc2(2, 8)"), tapped);
        }
    }

    @Test
    void saveLoadAndCopyRoundTripExactly(@TempDir Path folder) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                TinyMlp model = new TinyMlp(manager.newSubManager(), SPEC, 8, 1);
                TinyMlp other = new TinyMlp(manager.newSubManager(), SPEC, 8, 99)) {
            Path file = folder.resolve("tiny.model");
            model.save(file);
            assertFalse(Files.exists(folder.resolve("tiny.model.tmp")));
            float[] before = model.weight("fc1").getArray().toFloatArray();
            assertNotEquals(before[0], other.weight("fc1").getArray().toFloatArray()[0]);
            other.load(file);
            assertArrayEquals(before, other.weight("fc1").getArray().toFloatArray());

            try (var copy = model.copy()) {
                assertArrayEquals(before, copy.weight("fc1").getArray().toFloatArray());
                copy.weight("fc1").getArray().addi(1f);
                assertArrayEquals(before, model.weight("fc1").getArray().toFloatArray(), "copy is independent");
            }
        }
    }

    @Test
    void loadRejectsOtherSettings(@TempDir Path folder) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                TinyMlp model = new TinyMlp(manager.newSubManager(), SPEC, 8, 1);
                TinyMlp wider = new TinyMlp(manager.newSubManager(), SPEC, 16, 1)) {
            Path file = folder.resolve("tiny.model");
            model.save(file);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wider.load(file));
            assertTrue(e.getMessage().contains("hidden=8") && e.getMessage().contains("hidden=16"), e.getMessage());

            Files.writeString(folder.resolve("junk.model"), "not a model");
            java.io.IOException junk = assertThrows(java.io.IOException.class, () -> model.load(folder.resolve("junk.model")));
            assertTrue(junk.getMessage().contains("not a BARRIER model file"), junk.getMessage());
        }
    }

    @Test
    void createClosesManagerOnFailure() {
        List<NDManager> managers = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> AbstractNetworkModel.create(manager -> {
            managers.add(manager);
            throw new IllegalStateException("constructor failed");
        }));
        assertEquals(1, managers.size());
        assertFalse(managers.get(0).isOpen());

        try (TinyMlp model = AbstractNetworkModel.create(manager -> new TinyMlp(manager, SPEC, 8, 1))) {
            assertTrue(model.manager().isOpen());
        }
    }

    @Test
    void loadNewClosesModelOnFailure(@TempDir Path folder) throws Exception {
        List<TinyMlp> created = new ArrayList<>();
        Path missing = folder.resolve("missing.model");
        java.nio.file.NoSuchFileException notFound = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> AbstractNetworkModel.loadNew(missing, "tiny-mlp", () -> newTiny(created, 8)));
        assertTrue(notFound.getMessage().contains(missing.toString()), notFound.getMessage());
        assertTrue(notFound.getMessage().contains("tiny-mlp model file not found"), notFound.getMessage());
        assertTrue(created.isEmpty(), "no model is created for a missing file");

        Path file = folder.resolve("tiny.model");
        try (TinyMlp saved = newTiny(created, 8)) {
            saved.save(file);
        }
        assertThrows(IllegalArgumentException.class,
                () -> AbstractNetworkModel.loadNew(file, "tiny-mlp", () -> newTiny(created, 16)));
        assertFalse(created.get(1).manager().isOpen(), "the model of other settings is closed");

        try (TinyMlp loaded = AbstractNetworkModel.loadNew(file, "tiny-mlp", () -> newTiny(created, 8))) {
            assertTrue(loaded.manager().isOpen());
        }
    }

    private static TinyMlp newTiny(List<TinyMlp> created, int hidden) {
        TinyMlp model = new TinyMlp(NDManager.newBaseManager(), SPEC, hidden, created.size());
        created.add(model);
        return model;
    }

    @Test
    void stepTrainsOnlySelectedParametersAndLowersLoss() {
        ImageDataset data = dataset(60);
        TrainingSettings settings = new TrainingSettings(1, 0, 20, TrainingSettings.Optimizer.ADAM, 0.05, 0, 0, 0, 1);
        try (NDManager manager = NDManager.newBaseManager(); TinyMlp model = new TinyMlp(manager.newSubManager(), SPEC, 8, 1)) {
            Map<String, Parameter> all = model.parameters();
            Map<String, Parameter> head = Map.of("fc2.weight", all.get("fc2.weight"), "fc2.bias", all.get("fc2.bias"));
            TrainingStep step = new TrainingStep(all, head, Optimizers.create(settings), 0);
            float[] frozenBefore = all.get("fc1.weight").getArray().toFloatArray();
            Loss loss = Loss.softmaxCrossEntropyLoss();
            double first = Double.NaN;
            double last = Double.NaN;
            for (int epoch = 0; epoch < 30; epoch++) {
                for (Batch batch : ImageBatches.inOrder(Subset.all("all", data), 20, manager)) {
                    try (batch) {
                        TrainingStep.Outcome outcome = step.run(() -> loss.evaluate(new ai.djl.ndarray.NDList(batch.labels()),
                                model.forward(batch.images(), true, null)));
                        assertFalse(outcome.nonFinite());
                        if (Double.isNaN(first)) {
                            first = outcome.loss();
                        }
                        last = outcome.loss();
                    }
                }
            }
            assertTrue(last < 0.5 * first, "loss fell from " + first + " to " + last);
            assertArrayEquals(frozenBefore, all.get("fc1.weight").getArray().toFloatArray(), "fc1 stays frozen");
        }
    }

    @Test
    void clippingBoundsTheUpdateAndNonFiniteLossIsSkipped() {
        TrainingSettings sgd = new TrainingSettings(1, 0, 1, TrainingSettings.Optimizer.SGD, 1.0, 0, 0, 0, 1);
        try (NDManager manager = NDManager.newBaseManager(); TinyMlp model = new TinyMlp(manager.newSubManager(), SPEC, 8, 1)) {
            Map<String, Parameter> all = model.parameters();
            Parameter bias = all.get("fc2.bias");
            TrainingStep step = new TrainingStep(all, Map.of("fc2.bias", bias), Optimizers.create(sgd), 0.5);
            float[] before = bias.getArray().toFloatArray();
            // d/db of 100 * sum(b) is 100 per element: the norm is 100 * sqrt(3), clipped to 0.5.
            TrainingStep.Outcome outcome = step.run(() -> bias.getArray().sum().mul(100));
            assertEquals(100 * Math.sqrt(3), outcome.gradientNorm(), 1e-3);
            float[] after = bias.getArray().toFloatArray();
            double moved = 0;
            for (int i = 0; i < before.length; i++) {
                moved += (before[i] - after[i]) * (double) (before[i] - after[i]);
            }
            assertEquals(0.5, Math.sqrt(moved), 1e-5, "an SGD step of rate 1 moves by the clipped norm");

            NDArray nan = manager.create(Float.NaN);
            TrainingStep.Outcome skipped = step.run(() -> bias.getArray().sum().mul(nan));
            assertTrue(skipped.nonFinite());
            assertArrayEquals(after, bias.getArray().toFloatArray(), "a non-finite step leaves the weights");
            assertTrue(step.parametersFinite());
        }
    }

    @Test
    void stepsLeaveNoArraysBehind() {
        ImageDataset data = dataset(40);
        TrainingSettings settings = new TrainingSettings(1, 0, 20, TrainingSettings.Optimizer.ADAM, 0.01, 0, 0, 1.0, 1);
        try (NDManager manager = NDManager.newBaseManager(); TinyMlp model = new TinyMlp(manager.newSubManager(), SPEC, 8, 1)) {
            TrainingStep step = new TrainingStep(model.parameters(), model.parameters(), Optimizers.create(settings), 1.0);
            Loss loss = Loss.softmaxCrossEntropyLoss();
            int[] counts = new int[2];
            for (int round = 0; round < 2; round++) {
                for (int repeat = 0; repeat < (round == 0 ? 1 : 10); repeat++) {
                    for (Batch batch : ImageBatches.inOrder(Subset.all("all", data), 20, manager)) {
                        try (batch) {
                            step.run(() -> loss.evaluate(new ai.djl.ndarray.NDList(batch.labels()),
                                    model.forward(batch.images(), true, null)));
                        }
                    }
                    TrainingStep.nonFinite(model.parameters().values());
                }
                counts[round] = model.manager().getManagedArrays().size();
            }
            assertEquals(counts[0], counts[1], "arrays on the model's manager after 2 and after 20 steps");
        }
    }
}

package dev.barrier.model.classifier.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.CollectionSettings;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.nn.ImageBatches;
import dev.barrier.testing.ComponentDefaults;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.TestRunContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small-resnet adapter on slices of Fashion-MNIST: the first 2000 training and 500 test images. */
class SmallResnetAdapterTest {

    private static final InputSpec SPEC = new InputSpec(1, 28, 28, 10);

    private static ImageDataset train;
    private static ImageDataset test;

    @TempDir
    Path folder;

    private final ModelAdapter adapter = resnet(Map.of());

    @BeforeAll
    static void readData() {
        train = FashionMnist.train(2000);
        test = FashionMnist.test(500);
    }

    static ModelAdapter resnet(Map<String, ?> values) {
        return new SmallResnetFactory(ComponentDefaults.of(SmallResnetConfiguration.class))
                .create(ConfigSection.of(values, "test"), null);
    }

    private static Classifier classifier(NetworkModel model) {
        return (Classifier) model;
    }

    private static NDArray images(NDManager manager, ImageDataset data, int count) {
        Batch batch = ImageBatches.batch(Subset.all("data", data), IntStream.range(0, count).toArray(), manager);
        return batch.images();
    }

    @Test
    void oneEpochBeatsChance() {
        TestRunContext context = new TestRunContext(folder, 0);
        try (NetworkModel model = adapter.create(SPEC, 1)) {
            TrainingSummary summary = adapter.train(model, Subset.all("train", train),
                    new TrainingSettings(1, 0, 32, TrainingSettings.Optimizer.ADAM, 1e-3, 0.9, 0, 0, 1), context);
            double accuracy = Evaluation.accuracy(classifier(model), test);
            System.out.printf("small-resnet, 2000 images, 1 epoch: test accuracy %.3f, loss %.4f, %.2f s%n", accuracy,
                    summary.epochLosses().get(0), summary.seconds());

            assertFalse(summary.diverged(), String.valueOf(summary.divergence()));
            assertEquals(63, summary.steps());
            assertTrue(accuracy > 0.5, "test accuracy " + accuracy + " should clearly beat chance (0.1)");
            assertEquals("train small-resnet, epoch 1/1", context.progress().tasks().get(0).label());
        }
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        try (NetworkModel first = adapter.create(SPEC, 11); NetworkModel second = adapter.create(SPEC, 11)) {
            Map<String, float[]> expected = Evaluation.values(first);
            Map<String, float[]> actual = Evaluation.values(second);
            assertEquals(expected.keySet(), actual.keySet());
            for (String name : expected.keySet()) {
                assertArrayEquals(expected.get(name), actual.get(name), name);
            }
        }
    }

    @Test
    void layersMatchLayerNames() {
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            assertEquals(adapter.layerNames(), model.layers().stream().map(LayerInfo::name).toList());
            assertEquals(List.of("stage3.conv2", "head"), adapter.defaultTargets(), "the last convolution and the head");
            assertEquals(LayerInfo.conv2d("stem", 1, 16, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1},
                    new int[] {1, 1}, 1, false), model.layer("stem"));
            assertEquals(LayerInfo.conv2d("stage2.conv1", 16, 32, new int[] {3, 3}, new int[] {2, 2},
                    new int[] {1, 1}, new int[] {1, 1}, 1, false), model.layer("stage2.conv1"));
            assertEquals(LayerInfo.conv2d("stage3.shortcut", 32, 64, new int[] {1, 1}, new int[] {2, 2},
                    new int[] {0, 0}, new int[] {1, 1}, 1, false), model.layer("stage3.shortcut"));
            assertEquals(LayerInfo.linear("head", 64, 10, true), model.layer("head"));
        }
        try (NetworkModel two = resnet(Map.of("stages", 2, "width", 8)).create(SPEC, 3)) {
            assertEquals(resnet(Map.of("stages", 2)).layerNames(), two.layers().stream().map(LayerInfo::name).toList());
            assertEquals(LayerInfo.linear("head", 16, 10, true), two.layer("head"));
        }
    }

    @Test
    void parameterCountFollowsTheArchitecture() {
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            long convolutions = 1 * 16 * 9 + 2 * (16 * 16 * 9) + (16 * 32 * 9 + 32 * 32 * 9 + 16 * 32)
                    + (32 * 64 * 9 + 64 * 64 * 9 + 32 * 64);
            long head = 64 * 10 + 10;
            // Each batch normalisation has a scale, a shift, a running mean and a running variance per channel.
            long batchNorms = 4L * (16 + 2 * 16 + 3 * 32 + 3 * 64);
            assertEquals(convolutions + head + batchNorms, model.parameterCount());
            System.out.println("small-resnet parameters: " + model.parameterCount() + " (" + (convolutions + head
                    + batchNorms / 2) + " trained)");
        }
    }

    @Test
    void tapsDeliverLayerInputs() {
        try (NetworkModel model = adapter.create(SPEC, 3); NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> inputs = new LinkedHashMap<>();
            classifier(model).logits(images(manager, test, 3), false, inputs::put);

            assertEquals(adapter.layerNames(), List.copyOf(inputs.keySet()), "every target layer, in forward order");
            assertEquals(new Shape(3, 1, 28, 28), inputs.get("stem").getShape());
            assertEquals(new Shape(3, 16, 28, 28), inputs.get("stage2.conv1").getShape());
            assertSame(inputs.get("stage2.conv1"), inputs.get("stage2.shortcut"), "both branches see the block input");
            assertEquals(new Shape(3, 32, 14, 14), inputs.get("stage2.conv2").getShape());
            assertEquals(new Shape(3, 32, 14, 14), inputs.get("stage3.shortcut").getShape());
            assertEquals(new Shape(3, 64), inputs.get("head").getShape());
        }
    }

    @Test
    void batchNormStatisticsChangeOnlyInTrainingMode() {
        try (NetworkModel model = adapter.create(SPEC, 3); NDManager manager = NDManager.newBaseManager()) {
            NDArray images = images(manager, train, 64);
            Map<String, float[]> initial = Evaluation.values(model);

            classifier(model).logits(images, false, null);
            adapter.collectLayerInputs(model, Subset.all("test", test).head(64), List.of("head"),
                    new CollectionSettings(32, 1, 0, 0), (layer, input) -> { }, new TestRunContext(folder, 0));
            assertArrayEquals(initial.get("stem.bn.runningMean"), Evaluation.values(model).get("stem.bn.runningMean"),
                    "evaluation mode leaves the running mean");
            assertArrayEquals(initial.get("stage3.bn2.runningVar"),
                    Evaluation.values(model).get("stage3.bn2.runningVar"), "evaluation mode leaves the running variance");

            classifier(model).logits(images, true, null);
            // PyTorch's convention: running = 0.9 running + 0.1 batch mean; the running mean starts at 0.
            NDArray stemOutput = Conv2d.conv2d(images.sub(0.5f).div(0.25f), model.weight("stem").getArray(), null,
                    new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
            NDArray channelMeans = stemOutput.transpose(1, 0, 2, 3).reshape(16, -1).mean(new int[] {1});
            float[] expected = channelMeans.mul(0.1f).toFloatArray();
            float[] runningMean = Evaluation.values(model).get("stem.bn.runningMean");
            assertArrayEquals(expected, runningMean, 1e-5f, "one training-mode batch moves the running mean by 10%");
            assertFalse(java.util.Arrays.equals(initial.get("stage3.bn2.runningVar"),
                    Evaluation.values(model).get("stage3.bn2.runningVar")), "training mode updates the running variance");
        }
    }

    @Test
    void trainingUpdatesRunningStatistics() {
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            float[] before = model.parameters().get("stage2.shortcut.bn.runningMean").getArray().toFloatArray();
            adapter.train(model, Subset.all("train", train).head(64), new TrainingSettings(1, 0, 32,
                    TrainingSettings.Optimizer.SGD, 0.01, 0.9, 0, 1.0, 1), new TestRunContext(folder, 0));
            float[] after = model.parameters().get("stage2.shortcut.bn.runningMean").getArray().toFloatArray();
            assertFalse(java.util.Arrays.equals(before, after));
        }
    }

    @Test
    void saveAndLoadRoundTripIncludingRunningStatistics() throws IOException {
        Path file = folder.resolve("resnet.model");
        try (NetworkModel model = adapter.create(SPEC, 3); NDManager manager = NDManager.newBaseManager()) {
            adapter.train(model, Subset.all("train", train).head(64), new TrainingSettings(1, 0, 32,
                    TrainingSettings.Optimizer.ADAM, 1e-3, 0.9, 0, 0, 1), new TestRunContext(folder, 0));
            adapter.save(model, file);
            try (NetworkModel loaded = adapter.load(file, SPEC)) {
                Map<String, float[]> expected = Evaluation.values(model);
                Map<String, float[]> actual = Evaluation.values(loaded);
                assertEquals(expected.keySet(), actual.keySet());
                for (String name : expected.keySet()) {
                    assertArrayEquals(expected.get(name), actual.get(name), name);
                }
                NDArray images = images(manager, test, 4);
                assertArrayEquals(classifier(model).logits(images, false, null).toFloatArray(),
                        classifier(loaded).logits(images, false, null).toFloatArray());
            }
        }

        IllegalArgumentException other = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> resnet(Map.of("width", 8)).load(file, SPEC));
        assertTrue(other.getMessage().contains("width=16"), other.getMessage());
        assertTrue(other.getMessage().contains("width=8"), other.getMessage());
        IllegalArgumentException cnn = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SmallCnnAdapterTest.cnn(Map.of()).load(file, SPEC));
        assertTrue(cnn.getMessage().contains("holds a small-resnet model, expected small-cnn"), cnn.getMessage());
    }

    @Test
    void copyIsIndependent() {
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            Map<String, float[]> before = Evaluation.values(model);
            try (NetworkModel copy = model.copy()) {
                copy.weight("stage1.conv1").getArray().addi(1f);
                copy.parameters().get("stem.bn.runningMean").getArray().addi(1f);
            }
            Map<String, float[]> after = Evaluation.values(model);
            for (String name : before.keySet()) {
                assertArrayEquals(before.get(name), after.get(name), name);
            }
        }
    }

    @Test
    void thirtyTwoPixelColourImagesWork() {
        InputSpec colour = new InputSpec(3, 32, 32, 10);
        try (NetworkModel model = adapter.create(colour, 3); NDManager manager = NDManager.newBaseManager()) {
            List<String> shapes = new ArrayList<>();
            NDArray logits = classifier(model).logits(manager.randomUniform(0, 1, new Shape(2, 3, 32, 32)), false,
                    (layer, input) -> {
                        if (layer.equals("stage3.conv1") || layer.equals("head")) {
                            shapes.add(layer + input.getShape());
                        }
                    });
            assertEquals(List.of("stage3.conv1(2, 32, 16, 16)", "head(2, 64)"), shapes);
            assertEquals(new Shape(2, 10), logits.getShape());
            assertEquals(3, model.layer("stem").inFeatures());
        }
    }
}

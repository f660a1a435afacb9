package dev.barrier.model.classifier.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

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
import dev.barrier.testing.RecordedTask;
import dev.barrier.testing.TestRunContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small-cnn adapter on slices of Fashion-MNIST: the first 2000 training and 500 test images. */
class SmallCnnAdapterTest {

    private static final InputSpec SPEC = new InputSpec(1, 28, 28, 10);

    private static ImageDataset train;
    private static ImageDataset test;

    @TempDir
    Path folder;

    private final ModelAdapter adapter = cnn(Map.of());

    @BeforeAll
    static void readData() {
        train = FashionMnist.train(2000);
        test = FashionMnist.test(500);
    }

    static ModelAdapter cnn(Map<String, ?> values) {
        return new SmallCnnFactory(ComponentDefaults.of(SmallCnnConfiguration.class))
                .create(ConfigSection.of(values, "test"), null);
    }

    private static TrainingSettings adam(int epochs, long maxSteps, int batchSize, double learningRate, long seed) {
        return new TrainingSettings(epochs, maxSteps, batchSize, TrainingSettings.Optimizer.ADAM, learningRate, 0.9, 0,
                0, seed);
    }

    private static Classifier classifier(NetworkModel model) {
        return (Classifier) model;
    }

    @Test
    void oneEpochBeatsChance() {
        TestRunContext context = new TestRunContext(folder, 0);
        try (NetworkModel model = adapter.create(SPEC, 1)) {
            double before = Evaluation.accuracy(classifier(model), test);
            TrainingSummary summary = adapter.train(model, Subset.all("train", train), adam(1, 0, 32, 1e-3, 1),
                    context);
            double after = Evaluation.accuracy(classifier(model), test);
            System.out.printf("small-cnn, 2000 images, 1 epoch: test accuracy %.3f (before %.3f), loss %.4f,"
                    + " %.2f s%n", after, before, summary.epochLosses().get(0), summary.seconds());

            assertFalse(summary.diverged(), String.valueOf(summary.divergence()));
            assertEquals(1, summary.epochs());
            assertEquals(63, summary.steps(), "2000 images in batches of 32");
            assertEquals(1, summary.epochLosses().size());
            assertTrue(summary.epochLosses().get(0) < Math.log(10), "mean loss below chance: " + summary.epochLosses());
            assertTrue(after > 0.5, "test accuracy " + after + " should clearly beat chance (0.1)");

            RecordedTask task = context.progress().tasks().get(0);
            assertEquals("train small-cnn, epoch 1/1", task.label());
            assertEquals(63, task.total());
            assertEquals(63, task.steps());
            assertTrue(task.closed());
            assertTrue(task.status().startsWith("loss "), task.status());
        }
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        Subset data = Subset.all("train", train).head(256);
        TrainingSettings settings = adam(1, 3, 64, 1e-3, 5);
        try (NetworkModel first = adapter.create(SPEC, 7); NetworkModel second = adapter.create(SPEC, 7);
                NetworkModel other = adapter.create(SPEC, 8)) {
            assertEqualValues(Evaluation.values(first), Evaluation.values(second));
            assertFalse(Float.compare(first.weight("conv1").getArray().getFloat(0, 0, 0, 0),
                    other.weight("conv1").getArray().getFloat(0, 0, 0, 0)) == 0, "another seed, other weights");

            adapter.train(first, data, settings, new TestRunContext(folder, 0));
            adapter.train(second, data, settings, new TestRunContext(folder, 0));
            assertEqualValues(Evaluation.values(first), Evaluation.values(second));
        }
    }

    private static void assertEqualValues(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    @Test
    void saveAndLoadRoundTripExactly() throws IOException {
        Path file = folder.resolve("models/cnn.model");
        try (NetworkModel model = adapter.create(SPEC, 3); NDManager manager = NDManager.newBaseManager()) {
            adapter.train(model, Subset.all("train", train).head(256), adam(1, 2, 128, 1e-3, 1),
                    new TestRunContext(folder, 0));
            adapter.save(model, file);
            assertTrue(Files.isRegularFile(file));
            assertFalse(Files.exists(folder.resolve("models/cnn.model.tmp")));

            try (NetworkModel loaded = adapter.load(file, SPEC)) {
                assertEqualValues(Evaluation.values(model), Evaluation.values(loaded));
                NDArray images = firstImages(manager, 8);
                assertArrayEquals(classifier(model).logits(images, false, null).toFloatArray(),
                        classifier(loaded).logits(images, false, null).toFloatArray());
            }
        }
    }

    @Test
    void loadRejectsOtherSettingsArchitectureAndInput() throws IOException {
        Path file = folder.resolve("cnn.model");
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            adapter.save(model, file);
        }

        IllegalArgumentException settings = assertThrows(IllegalArgumentException.class,
                () -> cnn(Map.of("hidden", 32)).load(file, SPEC));
        assertTrue(settings.getMessage().contains("hidden=64"), settings.getMessage());
        assertTrue(settings.getMessage().contains("hidden=32"), settings.getMessage());

        IllegalArgumentException architecture = assertThrows(IllegalArgumentException.class,
                () -> SmallResnetAdapterTest.resnet(Map.of()).load(file, SPEC));
        assertTrue(architecture.getMessage().contains("holds a small-cnn model, expected small-resnet"),
                architecture.getMessage());

        IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
                () -> adapter.load(file, new InputSpec(1, 28, 28, 5)));
        assertTrue(input.getMessage().contains("5 classes"), input.getMessage());

        Path missing = folder.resolve("missing.model");
        NoSuchFileException absent = assertThrows(NoSuchFileException.class, () -> adapter.load(missing, SPEC));
        assertTrue(absent.getMessage().contains(missing.toString()), absent.getMessage());
    }

    @Test
    void saveRejectsModelOfOtherSettings() {
        try (NetworkModel narrow = cnn(Map.of("hidden", 8)).create(SPEC, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> adapter.save(narrow, folder.resolve("narrow.model")));
            assertTrue(e.getMessage().contains("hidden=64"), e.getMessage());
        }
    }

    @Test
    void copyIsIndependent() {
        try (NetworkModel model = adapter.create(SPEC, 3); NDManager manager = NDManager.newBaseManager()) {
            NDArray images = firstImages(manager, 4);
            float[] logits = classifier(model).logits(images, false, null).toFloatArray();
            Map<String, float[]> before = Evaluation.values(model);
            try (NetworkModel copy = model.copy()) {
                assertEqualValues(before, Evaluation.values(copy));
                assertArrayEquals(logits, classifier(copy).logits(images, false, null).toFloatArray());
                copy.weight("fc1").getArray().addi(1f);
                adapter.train(copy, Subset.all("train", train).head(128), adam(1, 1, 128, 1e-2, 1),
                        new TestRunContext(folder, 0));
            }
            assertEqualValues(before, Evaluation.values(model));
            assertArrayEquals(logits, classifier(model).logits(images, false, null).toFloatArray(),
                    "the original still works after the copy is closed");
        }
    }

    @Test
    void tapsDeliverExactLayerInputs() {
        try (NetworkModel model = adapter.create(SPEC, 3); NDManager manager = NDManager.newBaseManager()) {
            NDArray images = firstImages(manager, 5);
            List<String> seen = new ArrayList<>();
            NDArray[] headInput = new NDArray[1];
            NDArray[] conv1Input = new NDArray[1];
            NDArray logits = classifier(model).logits(images, false, (layer, input) -> {
                seen.add(layer + input.getShape());
                if (layer.equals("head")) {
                    headInput[0] = input;
                } else if (layer.equals("conv1")) {
                    conv1Input[0] = input;
                }
            });

            assertEquals(List.of("conv1(5, 1, 28, 28)", "conv2(5, 16, 14, 14)", "fc1(5, 1568)", "head(5, 64)"), seen);
            // The model normalises its input as (x - 0.5) / 0.25.
            assertTrue(conv1Input[0].allClose(images.sub(0.5f).div(0.25f), 0, 1e-6, false));
            // The head is Linear: its output must follow from the tapped input, x Wᵀ + b, up to float32 rounding.
            NDArray weight = model.weight("head").getArray();
            NDArray bias = model.bias("head").orElseThrow().getArray();
            NDArray expected = headInput[0].matMul(weight.transpose()).add(bias);
            assertTrue(expected.allClose(logits, 1e-5, 1e-5, false), "head input reproduces the logits");
        }
    }

    @Test
    void layersMatchLayerNames() {
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            assertEquals(adapter.layerNames(), model.layers().stream().map(LayerInfo::name).toList());
            assertEquals(List.of("conv2", "head"), adapter.defaultTargets(), "the last convolution and the head");
            assertEquals(LayerInfo.conv2d("conv2", 16, 32, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1},
                    new int[] {1, 1}, 1, true), model.layer("conv2"));
            assertEquals(LayerInfo.linear("fc1", 32 * 7 * 7, 64, true), model.layer("fc1"));
            assertEquals(LayerInfo.linear("head", 64, 10, true), model.layer("head"));
            assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias",
                    "head.weight", "head.bias"), List.copyOf(model.parameters().keySet()));
            long expected = (16 * 9 + 16) + (32 * 16 * 9 + 32) + (32 * 7 * 7 * 64 + 64) + (64 * 10 + 10);
            assertEquals(expected, model.parameterCount());
            assertEquals(105_866, expected);
        }
    }

    @Test
    void collectLayerInputsDeliversRequestedLayers() {
        TestRunContext context = new TestRunContext(folder, 0);
        Subset data = Subset.all("test", test).head(300);
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            int arraysBefore = model.manager().getManagedArrays().size();
            List<String> seen = new ArrayList<>();
            long[] headRows = new long[1];
            adapter.collectLayerInputs(model, data, List.of("head", "conv2"), new CollectionSettings(128, 2, 0, 0),
                    (layer, input) -> {
                        seen.add(layer);
                        if (layer.equals("head")) {
                            assertEquals(64, input.getShape().get(1));
                            headRows[0] += input.getShape().get(0);
                        } else {
                            assertEquals(16, input.getShape().get(1));
                        }
                    }, context);

            assertEquals(12, seen.size(), "two layers, three batches, two passes");
            assertEquals("conv2", seen.get(0), "layer inputs arrive in forward order");
            assertEquals(600, headRows[0], "300 images in each of two passes");
            RecordedTask task = context.progress().tasks().get(0);
            assertEquals(6, task.total());
            assertEquals(6, task.steps());
            assertEquals(arraysBefore, model.manager().getManagedArrays().size(), "every batch's arrays are freed");
        }
    }

    @Test
    void collectLayerInputsMatchesEvaluationForward() {
        Subset data = Subset.all("test", test).head(50);
        try (NetworkModel model = adapter.create(SPEC, 3); NDManager manager = NDManager.newBaseManager()) {
            adapter.train(model, Subset.all("train", train).head(128), adam(1, 1, 128, 1e-3, 1),
                    new TestRunContext(folder, 0));
            List<float[]> collected = new ArrayList<>();
            adapter.collectLayerInputs(model, data, List.of("fc1"), new CollectionSettings(20, 1, 0, 0),
                    (layer, input) -> collected.add(input.toFloatArray()), new TestRunContext(folder, 0));

            float[][] expected = new float[1][];
            try (Batch batch = ImageBatches.batch(data, java.util.stream.IntStream.range(0, 20).toArray(), manager)) {
                classifier(model).logits(batch.images(), false, (layer, input) -> {
                    if (layer.equals("fc1")) {
                        expected[0] = input.toFloatArray();
                    }
                });
            }
            assertEquals(3, collected.size(), "batches of 20, 20 and 10");
            assertArrayEquals(expected[0], collected.get(0));
        }
    }

    @Test
    void collectRejectsUnknownLayer() {
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> adapter.collectLayerInputs(model, Subset.all("test", test), List.of("conv2", "fc9"),
                            new CollectionSettings(64, 1, 0, 0), (layer, input) -> { }, new TestRunContext(folder, 0)));
            assertTrue(e.getMessage().contains("'fc9'"), e.getMessage());
            assertTrue(e.getMessage().contains("conv1, conv2, fc1, head"), e.getMessage());
        }
    }

    @Test
    void taskLossIsSoftmaxCrossEntropy() {
        try (NetworkModel model = adapter.create(SPEC, 3); NDManager manager = NDManager.newBaseManager();
                Batch batch = ImageBatches.batch(Subset.all("test", test), new int[] {0, 1, 2, 3, 4, 5}, manager)) {
            double loss = adapter.taskLoss(model, batch, false, new Random(1)).getFloat();

            float[] logits = classifier(model).logits(batch.images(), false, null).toFloatArray();
            long[] labels = batch.labels().toLongArray();
            double expected = 0;
            for (int i = 0; i < labels.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 10; k++) {
                    max = Math.max(max, logits[i * 10 + k]);
                }
                double sum = 0;
                for (int k = 0; k < 10; k++) {
                    sum += Math.exp(logits[i * 10 + k] - max);
                }
                expected += max + Math.log(sum) - logits[i * 10 + (int) labels[i]];
            }
            expected /= labels.length;
            assertEquals(expected, loss, 1e-5, "mean of log-sum-exp minus the label's logit, in float64");
        }
    }

    @Test
    void nonFiniteWeightIsReportedAsDivergence() {
        TestRunContext context = new TestRunContext(folder, 0);
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            model.weight("fc1").getArray().set(new NDIndex("0, 0"), Float.NaN);
            TrainingSummary summary = adapter.train(model, Subset.all("train", train).head(256),
                    adam(2, 0, 64, 1e-3, 1), context);

            assertTrue(summary.diverged());
            assertEquals(1, summary.divergence().epoch());
            assertEquals(1, summary.divergence().step());
            assertEquals("the loss is NaN", summary.divergence().reason());
            assertEquals(0, summary.epochs(), "no epoch completed");
            assertEquals(1, summary.steps());
            assertEquals(1, context.log().warnings().size());
            assertTrue(context.log().warnings().get(0).contains("loss is NaN"), context.log().warnings().get(0));
        }
    }

    @Test
    void hugeLearningRateIsReportedAsDivergence() {
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            TrainingSummary summary = adapter.train(model, Subset.all("train", train),
                    new TrainingSettings(1, 0, 64, TrainingSettings.Optimizer.SGD, 1e6, 0.9, 0, 0, 1),
                    new TestRunContext(folder, 0));
            System.out.println("learning rate 1e6: " + summary);
            assertTrue(summary.diverged(), "expected divergence, got " + summary);
            assertNotNull(summary.divergence().reason());
        }
    }

    @Test
    void maxStepsStopsTraining() {
        TestRunContext context = new TestRunContext(folder, 0);
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            TrainingSummary summary = adapter.train(model, Subset.all("train", train), adam(0, 5, 64, 1e-3, 1),
                    context);
            assertEquals(5, summary.steps());
            assertEquals(1, summary.epochs(), "the cut epoch counts");
            assertEquals("train small-cnn, epoch 1", context.progress().tasks().get(0).label());
            assertEquals(5, context.progress().tasks().get(0).total());
        }
    }

    @Test
    void trainingLeavesNoArraysPerStep() {
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            Subset data = Subset.all("train", train).head(640);
            int initial = model.manager().getManagedArrays().size();
            adapter.train(model, data, adam(1, 1, 64, 1e-3, 1), new TestRunContext(folder, 0));
            int afterOneStep = model.manager().getManagedArrays().size();
            adapter.train(model, data, adam(2, 0, 64, 1e-3, 1), new TestRunContext(folder, 0));
            int afterTwentyMore = model.manager().getManagedArrays().size();

            // A run leaves its optimiser's state and the first step's gradient views, however many steps it takes.
            assertEquals(afterOneStep - initial, afterTwentyMore - afterOneStep,
                    "arrays on the model's manager: " + initial + ", then " + afterOneStep + " after a run of 1 step, "
                            + afterTwentyMore + " after a run of 20 steps");
        }
    }

    @Test
    void cancellationStopsTraining() {
        TestRunContext context = new TestRunContext(folder, 0).cancelAfter(3);
        try (NetworkModel model = adapter.create(SPEC, 3)) {
            assertThrows(CancellationException.class,
                    () -> adapter.train(model, Subset.all("train", train), adam(1, 0, 64, 1e-3, 1), context));
            assertTrue(context.progress().tasks().get(0).closed(), "the progress task is closed");
            assertEquals(3, context.progress().tasks().get(0).steps());
        }
    }

    @Test
    void createRejectsTinyImages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adapter.create(new InputSpec(1, 3, 3, 10), 1));
        assertTrue(e.getMessage().contains("at least 4x4"), e.getMessage());
    }

    @Test
    void logitsRejectWrongImageShape() {
        try (NetworkModel model = adapter.create(SPEC, 3); NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> classifier(model).logits(manager.zeros(new ai.djl.ndarray.types.Shape(2, 3, 28, 28)), false,
                            null));
            assertTrue(e.getMessage().contains("[B, 1, 28, 28]"), e.getMessage());
            assertTrue(e.getMessage().contains("(2, 3, 28, 28)"), e.getMessage());
        }
    }

    private static NDArray firstImages(NDManager manager, int count) {
        int[] positions = java.util.stream.IntStream.range(0, count).toArray();
        Batch batch = ImageBatches.batch(Subset.all("test", test), positions, manager);
        return batch.images();
    }
}

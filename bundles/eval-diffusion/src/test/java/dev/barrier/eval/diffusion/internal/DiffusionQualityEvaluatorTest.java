package dev.barrier.eval.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.eval.EvaluatedModel;
import dev.barrier.api.eval.Evaluation;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.ModelTask;
import dev.barrier.testing.ComponentDefaults;
import dev.barrier.testing.TestRunContext;
import dev.barrier.testing.TestRunContext.TrainedModelRequest;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator on a tiny setup whose recognition rates are known in advance: 4 classes of 1x4x4 pattern
 * images, the {@code pixel-argmax} classifier and a pattern model that generates, per class c, images of which
 * exactly {@code correct[c]} show class c.
 */
class DiffusionQualityEvaluatorTest {

    private static final InputSpec SPEC = new InputSpec(1, 4, 4, 4);

    @TempDir
    Path folder;

    private static DiffusionQualityEvaluator evaluator(Map<String, ?> section) {
        DiffusionQualityFactory factory = new DiffusionQualityFactory(
                ComponentDefaults.of(DiffusionQualityConfiguration.class));
        TestPlugins plugins = new TestPlugins().model("pixel-argmax", section1 -> TestClassifiers.pixelArgmax());
        return (DiffusionQualityEvaluator) factory.create(ConfigSection.of(section, "test"), plugins);
    }

    @Test
    void recognitionAndUnlearningAccuracy() throws Exception {
        ImageDataset train = Splits.patterns("train", 20, 4, 1);
        ImageDataset test = Splits.patterns("test", 10, 4, 2);
        ForgetSplit split = Splits.forgetClass(train, test, 0);
        TestRunContext run = new TestRunContext(folder, 42);
        Evaluator evaluator = evaluator(Map.of("samplesPerClass", 4, "batchSize", 3, "classifier", "pixel-argmax"));

        Evaluation evaluation;
        try (PatternDiffusionModel model = new PatternDiffusionModel(SPEC, new int[] {1, 3, 2, 3})) {
            evaluation = evaluator.evaluate(Splits.context(run, split), new EvaluatedModel("ga/1", "GA", model, null));
        }
        // Batches of 3 and 1 per class: in the first batch of class c, the first correct[c] images show class c,
        // and the single image of the second batch shows class c only when correct[c] > 0.
        // Class 0: 1 + 1 = 2 of 4; class 1: 3 + 1; class 2: 2 + 1; class 3: 3 + 1.
        assertArrayEquals(new double[] {50, 100, 75, 100}, evaluation.series().get("recognitionPerClass"), 1e-12);
        assertEquals(50, evaluation.scalars().get("UA"), 1e-12);
        assertEquals((100 + 75 + 100) / 3.0, evaluation.scalars().get("retainRecognition"), 1e-12);
        double frechet = evaluation.scalars().get("frechet");
        assertTrue(Double.isFinite(frechet), "frechet " + frechet);
        assertTrue(frechet > 0, "frechet " + frechet);
        assertEquals(List.of("UA", "retainRecognition", "frechet"), List.copyOf(evaluation.scalars().keySet()));
        assertTrue(evaluation.notes().get(0).contains("recognises 100.00% of the 40 real test images"),
                evaluation.notes().get(0));
        assertTrue(evaluation.notes().get(1).contains("not Inception FID"), evaluation.notes().get(1));

        Path grid = run.artifactsFolder().resolve("samples-ga-1.png");
        BufferedImage image = ImageIO.read(grid.toFile());
        assertEquals(4 * (4 + 2) + 2, image.getWidth(), "4 samples per class");
        assertEquals(4 * (4 + 2) + 2, image.getHeight(), "4 classes");
    }

    @Test
    void classifierIsTrainedOnTheWholeTrainingSet() throws Exception {
        ImageDataset train = Splits.patterns("train", 20, 4, 3);
        ImageDataset test = Splits.patterns("test", 10, 4, 4);
        ForgetSplit split = Splits.forgetClass(train, test, 2);
        TestRunContext run = new TestRunContext(folder, 42);
        Map<String, Object> section = Map.of("samplesPerClass", 2, "classifier", Map.of("adapter", "pixel-argmax"));
        try (PatternDiffusionModel model = new PatternDiffusionModel(SPEC, new int[] {2, 2, 0, 2})) {
            Evaluation first = evaluator(section).evaluate(Splits.context(run, split),
                    new EvaluatedModel("original", "Original", model, null));
            Evaluation second = evaluator(section).evaluate(Splits.context(run, split),
                    new EvaluatedModel("original", "Original", model, null));
            assertEquals(first.scalars(), second.scalars());
            assertEquals(100, first.scalars().get("UA"), 1e-12);
        }
        TrainedModelRequest request = new TrainedModelRequest("pixel-argmax", train.size(),
                "classifier for diffusion-quality");
        assertEquals(List.of(request, request), run.trainedModelRequests());
    }

    @Test
    void trainingImagesJoinForgetAndRetainSets() {
        ImageDataset train = Splits.patterns("train", 5, 4, 5);
        ForgetSplit split = Splits.forgetClass(train, Splits.patterns("test", 2, 4, 6), 1);
        Subset images = DiffusionQualityEvaluator.trainingImages(split);
        assertEquals(train.size(), images.size());
        assertArrayEquals(java.util.stream.IntStream.range(0, train.size()).toArray(), images.indices());

        ForgetSplit partial = new ForgetSplit("part", split.forget(), split.retain().head(3), split.test(),
                split.testForget(), new int[] {1});
        assertEquals(split.forget().size() + 3, DiffusionQualityEvaluator.trainingImages(partial).size());
    }

    @Test
    void evaluatesOnlyDiffusionModels() {
        Evaluator evaluator = evaluator(Map.of("classifier", "pixel-argmax"));
        evaluator.checkSupported(ModelTask.DIFFUSION);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> evaluator.checkSupported(ModelTask.CLASSIFICATION));
        assertTrue(error.getMessage().contains("does not support classification models"), error.getMessage());

        ImageDataset train = Splits.patterns("train", 5, 4, 7);
        ForgetSplit split = Splits.forgetClass(train, Splits.patterns("test", 2, 4, 8), 0);
        try (TestClassifiers.Network classifier = (TestClassifiers.Network) TestClassifiers.pixelArgmax().create(SPEC, 0)) {
            IllegalArgumentException wrongModel = assertThrows(IllegalArgumentException.class,
                    () -> evaluator.evaluate(Splits.context(new TestRunContext(folder, 42), split),
                            new EvaluatedModel("x", "x", classifier, null)));
            assertTrue(wrongModel.getMessage().contains("evaluates diffusion models, got pixel-argmax"),
                    wrongModel.getMessage());
        }
        try (PatternDiffusionModel model = new PatternDiffusionModel(new InputSpec(1, 4, 4, 3), new int[3])) {
            IllegalArgumentException wrongShape = assertThrows(IllegalArgumentException.class,
                    () -> evaluator.evaluate(Splits.context(new TestRunContext(folder, 42), split),
                            new EvaluatedModel("y", "y", model, null)));
            assertTrue(wrongShape.getMessage().contains("was built for 1x4x4, 3 classes, but the data is 1x4x4, 4"
                    + " classes"), wrongShape.getMessage());
        }
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("barrier-ga_1.x", DiffusionQualityEvaluator.fileName("barrier/ga_1.x"));
        assertEquals("a-b-c", DiffusionQualityEvaluator.fileName("a b:c"));
    }
}

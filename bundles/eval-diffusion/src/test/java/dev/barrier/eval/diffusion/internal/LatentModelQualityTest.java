package dev.barrier.eval.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.eval.EvaluatedModel;
import dev.barrier.api.eval.Evaluation;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.model.diffusion.internal.LatentDiffusionConfiguration;
import dev.barrier.model.diffusion.internal.LatentDiffusionFactory;
import dev.barrier.testing.ComponentDefaults;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.TestRunContext;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator with real components at a small size: a latent diffusion model and a small CNN, each trained
 * briefly on 1,000 Fashion-MNIST images. The numbers are not meaningful at this size; the test checks ranges,
 * shapes, the grid and that equal seeds give equal results.
 */
class LatentModelQualityTest {

    @TempDir
    Path folder;

    @Test
    void evaluatesTrainedLatentModel() throws Exception {
        ImageDataset train = FashionMnist.train(1000);
        ImageDataset test = FashionMnist.test(500);
        ForgetSplit split = Splits.forgetClass(train, test, 0);
        TestRunContext run = new TestRunContext(folder, 42);

        LatentDiffusionFactory latentFactory = new LatentDiffusionFactory(
                ComponentDefaults.of(LatentDiffusionConfiguration.class));
        ModelAdapter latent = latentFactory.create(ConfigSection.of(Map.of("hidden", 64, "blocks", 2, "codec",
                Map.of("components", 16), "training", Map.of("maxSteps", 150L, "batchSize", 64)), "test"), null);
        TrainingSettings classifierTraining = new TrainingSettings(1, 0, 64, TrainingSettings.Optimizer.ADAM, 2e-3, 0,
                0, 0, 1);
        TestPlugins plugins = new TestPlugins().model("test-cnn",
                section -> TestClassifiers.cnn(4, 8, 16, classifierTraining));
        DiffusionQualityFactory factory = new DiffusionQualityFactory(
                ComponentDefaults.of(DiffusionQualityConfiguration.class));
        DiffusionQualityEvaluator evaluator = (DiffusionQualityEvaluator) factory.create(ConfigSection.of(Map.of(
                "samplesPerClass", 8, "steps", 10, "batchSize", 40, "classifier", "test-cnn"), "test"), plugins);

        try (NetworkModel model = latent.create(Splits.specOf(train), 0)) {
            latent.train(model, Subset.all("train", train), latent.training(), run);
            EvaluatedModel subject = new EvaluatedModel("original", "Original", model, null);
            Evaluation first = evaluator.evaluate(Splits.context(run, split), subject);
            Evaluation second = evaluator.evaluate(Splits.context(run, split), subject);

            double[] perClass = first.series().get("recognitionPerClass");
            assertEquals(10, perClass.length);
            for (double value : perClass) {
                assertTrue(value >= 0, "recognition " + value);
                assertTrue(value <= 100, "recognition " + value);
                assertEquals(0, value * 8 / 100 % 1, 1e-9, "a multiple of 1/8: " + value);
            }
            assertEquals(100 - perClass[0], first.scalars().get("UA"), 1e-9);
            double frechet = first.scalars().get("frechet");
            assertTrue(Double.isFinite(frechet), "frechet " + frechet);
            assertTrue(frechet >= 0, "frechet " + frechet);
            assertEquals(first.scalars(), second.scalars(), "equal seeds give equal results");
            assertArrayEquals(perClass, second.series().get("recognitionPerClass"));
        }
        BufferedImage grid = ImageIO.read(run.artifactsFolder().resolve("samples-original.png").toFile());
        assertEquals(8 * 30 + 2, grid.getWidth());
        assertEquals(10 * 30 + 2, grid.getHeight());
    }
}

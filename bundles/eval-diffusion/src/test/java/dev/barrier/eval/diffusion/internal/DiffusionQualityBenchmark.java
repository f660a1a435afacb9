package dev.barrier.eval.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.eval.EvaluatedModel;
import dev.barrier.api.eval.Evaluation;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.DiffusionModel;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.model.diffusion.internal.LatentDiffusionConfiguration;
import dev.barrier.model.diffusion.internal.LatentDiffusionFactory;
import dev.barrier.nn.ImageBatches;
import dev.barrier.testing.ComponentDefaults;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Measures how well a trained default {@code latent-diffusion} model generates Fashion-MNIST classes, as measured by
 * the {@code diffusion-quality} evaluator with its default settings (500 samples per class, DDIM with 50
 * steps, guidance 2). The classifier is the test CNN with the layout and training of the platform's small-cnn
 * (16 and 32 channels, 64 hidden units, Adam 1e-3, batch 128, 3 epochs), trained on the full training set. It
 * prints the classifier's accuracy on real test images and on their PCA reconstructions (the ceiling for
 * generated images), the recognition rate of each class and the time taken; it asserts nothing.
 *
 * <p>Run it with {@code mvn -o test -pl bundles/eval-diffusion -Dtest=DiffusionQualityBenchmark}. The model is
 * read from the system property {@code benchmark.model} (default: the file the model-diffusion benchmark
 * writes, {@code ../model-diffusion/target/latent-diffusion-benchmark.model}); without it the model is trained
 * here first, which takes minutes. The classifier is cached in {@code target/quality-benchmark}.
 */
class DiffusionQualityBenchmark {

    @Test
    void recognitionOfDefaultLatentModel() throws Exception {
        ImageDataset train = FashionMnist.train(60_000);
        ImageDataset test = FashionMnist.test(10_000);
        ForgetSplit split = Splits.forgetClass(train, test, 0);
        Path folder = Path.of("target/quality-benchmark");
        Files.createDirectories(folder);
        TestRunContext run = new TestRunContext(folder, 42);
        InputSpec spec = Splits.specOf(train);

        ModelAdapter latent = new LatentDiffusionFactory(ComponentDefaults.of(LatentDiffusionConfiguration.class))
                .create(ConfigSection.of(Map.of(), "benchmark"), null);
        Path modelFile = Path.of(System.getProperty("benchmark.model",
                "../model-diffusion/target/latent-diffusion-benchmark.model"));
        TrainingSettings cnnTraining = new TrainingSettings(3, 0, 128, TrainingSettings.Optimizer.ADAM, 1e-3, 0.9, 0,
                0, 0);
        ModelAdapter cnn = TestClassifiers.cnn(16, 32, 64, cnnTraining);
        TestPlugins plugins = new TestPlugins().model("small-cnn", section -> cnn);
        DiffusionQualityEvaluator evaluator = (DiffusionQualityEvaluator) new DiffusionQualityFactory(
                ComponentDefaults.of(DiffusionQualityConfiguration.class))
                .create(ConfigSection.of(Map.of(), "benchmark"), plugins);

        try (NetworkModel model = loadOrTrain(latent, modelFile, spec, train, run)) {
            long start = System.nanoTime();
            Evaluation evaluation = evaluator.evaluate(Splits.context(run, split),
                    new EvaluatedModel("latent-default", "latent-diffusion", model, null));
            double seconds = (System.nanoTime() - start) / 1e9;
            evaluation.notes().forEach(System.out::println);

            double[] perClass = evaluation.series().get("recognitionPerClass");
            System.out.printf(Locale.ROOT, "recognition per class (%%): %s%n", Arrays.toString(perClass));
            System.out.printf(Locale.ROOT, "mean recognition over all 10 classes: %.1f%%; UA (class 0 as if"
                    + " forgotten): %.1f; retainRecognition: %.1f%%; frechet: %.3f%n",
                    Arrays.stream(perClass).average().orElse(Double.NaN), evaluation.scalars().get("UA"),
                    evaluation.scalars().get("retainRecognition"), evaluation.scalars().get("frechet"));
            System.out.printf(Locale.ROOT, "evaluation of 5,000 samples (classifier cached or trained before it: see"
                    + " the log above) took %.1f s%n", seconds);

            try (Classifier classifier = (Classifier) cnn.load(onlyModelFile(folder.resolve("cache/models")), spec)) {
                System.out.printf(Locale.ROOT, "classifier accuracy: %.2f%% on the 10,000 real test images, %.2f%% on"
                        + " their PCA reconstructions%n", accuracy(classifier, null, test),
                        accuracy(classifier, (DiffusionModel) model, test));
            }
        }
    }

    private static NetworkModel loadOrTrain(ModelAdapter latent, Path file, InputSpec spec, ImageDataset train,
            TestRunContext run) throws Exception {
        if (Files.isRegularFile(file)) {
            System.out.println("loading the latent model from " + file.toAbsolutePath());
            return latent.load(file, spec);
        }
        System.out.println("no model at " + file.toAbsolutePath() + "; training the default latent model");
        NetworkModel model = latent.create(spec, latent.training().seed());
        TrainingSummary summary = latent.train(model, Subset.all("train", train), latent.training(), run);
        System.out.printf(Locale.ROOT, "trained %d steps in %.1f s, last epoch loss %.4f%n", summary.steps(),
                summary.seconds(), summary.epochLosses().get(summary.epochLosses().size() - 1));
        return model;
    }

    private static Path onlyModelFile(Path models) throws Exception {
        try (var files = Files.list(models)) {
            return files.filter(p -> p.toString().endsWith(".model")).findFirst().orElseThrow();
        }
    }

    /** Returns the accuracy in percent on {@code data}, on reconstructions through {@code codec} if it is given. */
    private static double accuracy(Classifier classifier, DiffusionModel codec, ImageDataset data) {
        long correct = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Batch batch : ImageBatches.inOrder(Subset.all("test", data), 1000, manager)) {
                try (batch) {
                    NDArray images = codec == null ? batch.images() : codec.decode(codec.encode(batch.images()));
                    long[] predicted = classifier.logits(images, false, null).argMax(1).toLongArray();
                    long[] labels = batch.labels().toLongArray();
                    for (int i = 0; i < labels.length; i++) {
                        correct += predicted[i] == labels[i] ? 1 : 0;
                    }
                }
            }
        }
        return 100.0 * correct / data.size();
    }
}

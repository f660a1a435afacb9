package dev.barrier.model.diffusion.internal;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Trains the default {@code latent-diffusion} model on the full Fashion-MNIST training set and prints the
 * time per step, the total time and the loss per epoch. It asserts nothing; run it with
 * {@code mvn -o test -pl bundles/model-diffusion -Dtest=LatentDiffusionBenchmark}.
 *
 * <p>System properties: {@code benchmark.hidden}, {@code benchmark.blocks} and {@code benchmark.maxSteps}
 * override the defaults; {@code benchmark.model} is where the trained model is saved (default
 * {@code target/latent-diffusion-benchmark.model}), for the sample-quality benchmark of the evaluator.
 */
class LatentDiffusionBenchmark {

    @Test
    void trainDefaultModelOnFashionMnist() throws Exception {
        ImageDataset train = FashionMnist.train(60_000);
        Map<String, Object> section = new LinkedHashMap<>();
        putIfSet(section, "hidden", "benchmark.hidden");
        putIfSet(section, "blocks", "benchmark.blocks");
        String maxSteps = System.getProperty("benchmark.maxSteps");
        if (maxSteps != null) {
            section.put("training", Map.of("maxSteps", Long.parseLong(maxSteps)));
        }
        DiffusionAdapter adapter = Adapters.latent(section);
        InputSpec spec = new InputSpec(1, 28, 28, 10);
        Path folder = Files.createTempDirectory("latent-benchmark");
        TestRunContext context = new TestRunContext(folder, 42);
        Path modelFile = Path.of(System.getProperty("benchmark.model", "target/latent-diffusion-benchmark.model"));

        try (DiffusionNetwork<?> model = adapter.create(spec, adapter.training().seed())) {
            System.out.printf(Locale.ROOT, "latent-diffusion %s: %d parameters, training %s%n", adapter.settings(),
                    model.parameterCount(), adapter.training().toMap());
            long start = System.nanoTime();
            TrainingSummary summary = adapter.train(model, Subset.all("train", train), adapter.training(), context);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "trained %d steps (%d epochs) in %.1f s including the codec fit: %.1f ms"
                    + " a step; training loop alone %.1f s%n", summary.steps(), summary.epochs(), seconds,
                    1000 * summary.seconds() / summary.steps(), summary.seconds());
            for (int epoch = 0; epoch < summary.epochLosses().size(); epoch++) {
                System.out.printf(Locale.ROOT, "  epoch %2d: mean loss %.4f%n", epoch + 1,
                        summary.epochLosses().get(epoch));
            }
            if (summary.diverged()) {
                System.out.println("DIVERGED: " + summary.divergence());
            }
            adapter.save(model, modelFile);
            System.out.println("saved the model to " + modelFile.toAbsolutePath());
        }
    }

    private static void putIfSet(Map<String, Object> section, String key, String property) {
        String value = System.getProperty(property);
        if (value != null) {
            section.put(key, Integer.parseInt(value));
        }
    }
}

package dev.barrier.model.diffusion.internal;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Times training steps of the default {@code unet-diffusion} model (width 32, 3 levels) on Fashion-MNIST at
 * batch 128, to show what a CPU allows; it asserts nothing. Run it with
 * {@code mvn -o test -pl bundles/model-diffusion -Dtest=UnetDiffusionBenchmark}.
 */
class UnetDiffusionBenchmark {

    @Test
    void timeDefaultUnetSteps() throws Exception {
        ImageDataset train = FashionMnist.train(1024);
        TestRunContext context = new TestRunContext(Files.createTempDirectory("unet-benchmark"), 42);
        for (long steps : new long[] {1, 4}) {
            DiffusionAdapter adapter = Adapters.unet(Map.of("training", Map.of("epochs", 0, "maxSteps", steps)));
            try (DiffusionNetwork<?> model = adapter.create(TinyModels.FASHION, 0)) {
                TrainingSummary summary = adapter.train(model, Subset.all("train", train), adapter.training(), context);
                System.out.printf(Locale.ROOT, "unet-diffusion %s, %d parameters: %d steps of batch %d in %.1f s%n",
                        adapter.settings(), model.parameterCount(), summary.steps(), adapter.training().batchSize(),
                        summary.seconds());
            }
        }
    }
}

package dev.barrier.model.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.nn.ImageBatches;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.RecordedTask;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end training of small latent models on real Fashion-MNIST images. */
class TrainingTest {

    @TempDir
    Path folder;

    private static DiffusionAdapter smallAdapter(long maxSteps, double learningRate, double gradientClip) {
        return Adapters.latent(Map.of("hidden", 128, "blocks", 2, "timeFeatures", 32, "codec",
                Map.of("components", 32), "training", Map.of("maxSteps", maxSteps, "batchSize", 64, "learningRate",
                        learningRate, "gradientClip", gradientClip)));
    }

    /**
     * 300 steps on 500 images. With whitened latents, predicting zero noise gives a loss of about 1. Measured:
     * the mean loss of the first two epochs 1.33, of the last two 0.36.
     */
    @Test
    void lossFallsAndRunReplays() {
        ImageDataset data = FashionMnist.train(500);
        DiffusionAdapter adapter = smallAdapter(300, 1e-3, 1.0);
        TestRunContext context = new TestRunContext(folder, 42);
        TrainingSummary first;
        TrainingSummary again;
        try (DiffusionNetwork<?> model = adapter.create(TinyModels.FASHION, 1)) {
            first = adapter.train(model, Subset.all("train", data), adapter.training(), context);
        }
        try (DiffusionNetwork<?> model = adapter.create(TinyModels.FASHION, 1)) {
            again = adapter.train(model, Subset.all("train", data), adapter.training(), context);
        }
        List<Double> losses = first.epochLosses();
        System.out.printf(Locale.ROOT, "300 steps on 500 images in %.1f s: loss %s%n", first.seconds(), losses);
        assertFalse(first.diverged());
        assertEquals(300, first.steps());
        assertEquals(38, first.epochs(), "8 batches per epoch, the 38th cut short by the step limit");
        double start = (losses.get(0) + losses.get(1)) / 2;
        double end = (losses.get(losses.size() - 1) + losses.get(losses.size() - 2)) / 2;
        assertTrue(start > 0.7, "first epochs' loss " + start);
        assertTrue(end < 0.7 * start, "loss fell from " + start + " to " + end);
        // Equal settings replay the same batches, timesteps, noise and class drops. In a fresh JVM the losses
        // were bitwise equal over all 300 steps. After other tests in the same JVM they were seen to depart from
        // step 273 on, with the first 272 steps still equal, so the check covers the first ten epochs.
        for (int epoch = 0; epoch < 10; epoch++) {
            assertEquals(losses.get(epoch), again.epochLosses().get(epoch), 1e-4 * losses.get(epoch),
                    "epoch " + (epoch + 1));
        }

        RecordedTask task = context.progress().tasks().stream().filter(t -> t.label().startsWith("train"))
                .findFirst().orElseThrow();
        assertEquals(300, task.total());
        assertEquals(300, task.steps());
        assertTrue(task.closed());
        List<String> log = context.log().lines();
        assertTrue(log.stream().anyMatch(m -> m.contains("Fitted a PCA codec with 32 components")), log.toString());
    }

    @Test
    void secondTrainingKeepsCodec() {
        ImageDataset data = FashionMnist.train(200);
        DiffusionAdapter adapter = smallAdapter(5, 1e-3, 1.0);
        TestRunContext context = new TestRunContext(folder, 42);
        try (DiffusionNetwork<?> model = adapter.create(TinyModels.FASHION, 1);
                NDManager manager = NDManager.newBaseManager()) {
            adapter.train(model, Subset.all("train", data), adapter.training(), context);
            Subset head = Subset.all("train", data).head(8);
            try (Batch batch = ImageBatches.batch(head, new int[] {0, 1, 2, 3}, manager)) {
                float[] before = model.encode(batch.images()).toFloatArray();
                adapter.train(model, Subset.all("other", FashionMnist.test(100)), adapter.training(), context);
                float[] after = model.encode(batch.images()).toFloatArray();
                org.junit.jupiter.api.Assertions.assertArrayEquals(before, after);
            }
            assertEquals(1, context.log().lines().stream().filter(m -> m.contains("Fitted a PCA codec")).count());
        }
    }

    @Test
    void hugeLearningRateReportsDivergence() {
        ImageDataset data = FashionMnist.train(200);
        DiffusionAdapter adapter = smallAdapter(200, 1e6, 0);
        TestRunContext context = new TestRunContext(folder, 42);
        try (DiffusionNetwork<?> model = adapter.create(TinyModels.FASHION, 1)) {
            TrainingSummary summary = adapter.train(model, Subset.all("train", data), adapter.training(), context);
            assertTrue(summary.diverged(), "losses " + summary.epochLosses());
            assertNotNull(summary.divergence().reason());
            assertTrue(summary.steps() < 200, "training stops at the divergence, after " + summary.steps() + " steps");
            List<String> log = context.log().lines();
            assertTrue(log.stream().anyMatch(m -> m.startsWith("WARN Training latent-diffusion diverged")),
                    log.toString());
        }
    }

    @Test
    void taskLossDropsClassesOnlyInTrainingMode() {
        ImageDataset data = FashionMnist.train(64);
        DiffusionAdapter adapter = smallAdapter(1, 1e-3, 1.0);
        TestRunContext context = new TestRunContext(folder, 42);
        try (DiffusionNetwork<?> model = adapter.create(TinyModels.FASHION, 1);
                NDManager manager = NDManager.newBaseManager()) {
            model.prepareTraining(Subset.all("train", data), context);
            List<long[]> seenClasses = new java.util.ArrayList<>();
            DiffusionModelRecorder recorder = new DiffusionModelRecorder(model, seenClasses);
            try (Batch batch = ImageBatches.batch(Subset.all("train", data), range(64), manager)) {
                NDArray evaluation = DiffusionAdapter.noisePredictionLoss(recorder, batch.images(), batch.labels(), false,
                        0, new Random(3));
                NDArray training = DiffusionAdapter.noisePredictionLoss(recorder, batch.images(), batch.labels(), true,
                        0.5, new Random(3));
                assertTrue(Double.isFinite(evaluation.getFloat()), "evaluation-mode loss");
                assertTrue(Double.isFinite(training.getFloat()), "training-mode loss");
                long[] labels = batch.labels().toLongArray();
                org.junit.jupiter.api.Assertions.assertArrayEquals(labels, seenClasses.get(0));
                long dropped = java.util.Arrays.stream(seenClasses.get(1)).filter(c -> c == 10).count();
                // Binomial(64, 0.5) has standard deviation 4; about 5.5 standard deviations either side.
                assertTrue(dropped > 10, "dropped " + dropped + " of 64 at probability 0.5");
                assertTrue(dropped < 54, "dropped " + dropped + " of 64 at probability 0.5");
            }
        }
    }

    private static int[] range(int count) {
        int[] positions = new int[count];
        java.util.Arrays.setAll(positions, i -> i);
        return positions;
    }

    /** Passes everything to a latent model and records the classes of each noise prediction. */
    private static final class DiffusionModelRecorder extends ForwardingDiffusionModel {
        private final List<long[]> classes;

        DiffusionModelRecorder(DiffusionNetwork<?> model, List<long[]> classes) {
            super(model);
            this.classes = classes;
        }

        @Override
        public NDArray predictNoise(NDArray noisy, NDArray timesteps, NDArray classValues, boolean training,
                dev.barrier.api.model.LayerTap tap) {
            classes.add(classValues.toLongArray());
            return super.predictNoise(noisy, timesteps, classValues, training, tap);
        }
    }
}

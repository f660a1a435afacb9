package dev.barrier.model.classifier.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.nn.ImageBatches;
import dev.barrier.nn.Optimizers;
import dev.barrier.nn.Seeds;
import dev.barrier.testing.ComponentDefaults;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures small-cnn on Fashion-MNIST. Prints only; asserts nothing about time. Not part of the default test
 * run; run it with {@code mvn -o test -Dtest=SmallCnnBenchmark -Dsurefire.failIfNoSpecifiedTests=false} in
 * this module.
 *
 * <p>{@link #trainOnFullFashionMnist} trains with the default settings (3 epochs, batch 128, Adam 1e-3, seed
 * 0) on all 60,000 training images and prints the time of each epoch, the test accuracy on all 10,000 test
 * images after each epoch, and the time of one forward pass over the test images.
 * {@link #stepTimeAgainstBareLoop} times the adapter's training steps and a bare DJL loop (forward, backward,
 * optimiser update, none of the adapter's checks) side by side on the same batches, so the ratio shows the
 * adapter's overhead even when other processes share the cores.
 */
class SmallCnnBenchmark {

    @TempDir
    Path folder;

    @Test
    void trainOnFullFashionMnist() {
        ImageDataset train = FashionMnist.train(Integer.MAX_VALUE);
        ImageDataset test = FashionMnist.test(Integer.MAX_VALUE);
        ModelAdapter adapter = new SmallCnnFactory(ComponentDefaults.of(SmallCnnConfiguration.class))
                .create(ConfigSection.of(Map.of(), "benchmark"), null);
        InputSpec spec = new InputSpec(1, 28, 28, 10);
        System.out.printf("threads: intra-op %s, inter-op %s, OMP_WAIT_POLICY %s%n",
                System.getProperty("ai.djl.pytorch.num_threads", "default"),
                System.getProperty("ai.djl.pytorch.num_interop_threads", "default"), System.getenv("OMP_WAIT_POLICY"));

        try (NetworkModel model = adapter.create(spec, adapter.training().seed())) {
            Classifier classifier = (Classifier) model;
            List<String> lines = new ArrayList<>();
            TestRunContext context = new TestRunContext(folder, 0);
            context.progress().onClose(task -> {
                double seconds = (System.nanoTime() - task.startNanos()) / 1e9;
                double accuracy = Evaluation.accuracy(classifier, test);
                lines.add(String.format("%s: %.1f s (%.1f ms per step), %s, test accuracy %.4f", task.label(), seconds,
                        1000 * seconds / task.steps(), task.status(), accuracy));
            });
            long arraysBefore = model.manager().getManagedArrays().size();
            TrainingSummary summary = adapter.train(model, Subset.all("train", train), adapter.training(), context);
            long arraysAfter = model.manager().getManagedArrays().size();

            lines.forEach(System.out::println);
            System.out.printf("training: %.1f s in all, %d steps, epoch losses %s, diverged: %s%n", summary.seconds(),
                    summary.steps(), summary.epochLosses(), summary.diverged());
            System.out.printf("arrays attached to the model's manager: %d before training, %d after%n", arraysBefore,
                    arraysAfter);
            System.out.printf("parameters: %d%n", model.parameterCount());

            long start = System.nanoTime();
            try (NDManager manager = model.manager().newSubManager()) {
                for (Batch batch : ImageBatches.inOrder(Subset.all("test", test), 1000, manager)) {
                    try (batch) {
                        classifier.logits(batch.images(), false, null).argMax(1).toLongArray();
                    }
                }
            }
            System.out.printf("forward pass over %d test images in batches of 1000: %.2f s%n", test.size(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    @Test
    void stepTimeAgainstBareLoop() {
        ImageDataset train = FashionMnist.train(12_800);
        ModelAdapter adapter = new SmallCnnFactory(ComponentDefaults.of(SmallCnnConfiguration.class))
                .create(ConfigSection.of(Map.of(), "benchmark"), null);
        InputSpec spec = new InputSpec(1, 28, 28, 10);
        TrainingSettings settings = adapter.training().withEpochs(1);
        Subset data = Subset.all("train", train);
        int rounds = 3;
        double adapterSeconds = 0;
        double bareSeconds = 0;
        for (int round = 0; round < rounds; round++) {
            try (NetworkModel model = adapter.create(spec, 0)) {
                long start = System.nanoTime();
                adapter.train(model, data, settings, new TestRunContext(folder, 0));
                adapterSeconds += (System.nanoTime() - start) / 1e9;
            }
            try (NetworkModel model = adapter.create(spec, 0)) {
                long start = System.nanoTime();
                bareLoop((Classifier) model, data, settings);
                bareSeconds += (System.nanoTime() - start) / 1e9;
            }
        }
        int steps = rounds * (train.size() / settings.batchSize());
        System.out.printf("%d steps of batch %d: adapter %.1f ms per step, bare DJL loop %.1f ms per step,"
                + " ratio %.2f%n", steps, settings.batchSize(), 1000 * adapterSeconds / steps,
                1000 * bareSeconds / steps, adapterSeconds / bareSeconds);
    }

    /** Runs one epoch of forward pass, backward pass and optimiser update, with no checks and no progress. */
    private static void bareLoop(Classifier model, Subset data, TrainingSettings settings) {
        Optimizer optimizer = Optimizers.create(settings);
        Map<String, Parameter> parameters = model.parameters();
        parameters.values().forEach(parameter -> parameter.getArray().setRequiresGradient(true));
        long seed = Seeds.derive(settings.seed(), "shuffle epoch 1");
        try (NDManager manager = model.manager().newSubManager()) {
            for (Batch batch : ImageBatches.shuffled(data, settings.batchSize(), seed, manager)) {
                try (batch) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = ClassifierAdapter.crossEntropy(model.logits(batch.images(), true, null),
                                batch.labels());
                        collector.backward(loss);
                    }
                    for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
                        NDArray weight = entry.getValue().getArray();
                        try (NDArray gradient = weight.getGradient()) {
                            optimizer.update(entry.getKey(), weight, gradient);
                        }
                    }
                }
            }
        }
    }
}

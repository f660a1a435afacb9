package dev.barrier.method.baselines.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.method.MethodOutcome;
import dev.barrier.api.method.UnlearningContext;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.method.UnlearningMethodFactory;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.plugin.PluginFactory;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.loss.base.internal.FineTuneFactory;
import dev.barrier.loss.base.internal.GradientAscentFactory;
import dev.barrier.loss.base.internal.RandomLabelConfiguration;
import dev.barrier.loss.base.internal.RandomLabelFactory;
import dev.barrier.model.classifier.internal.SmallCnnConfiguration;
import dev.barrier.model.classifier.internal.SmallCnnFactory;
import dev.barrier.nn.ImageBatches;
import dev.barrier.runtime.internal.plugin.PluginDirectory;
import dev.barrier.testing.ComponentDefaults;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baselines on a slice of real Fashion-MNIST (1,200 training and 300 test images), forgetting class 0 from
 * a small CNN trained for two epochs.
 */
class BaselinesTest {

    private static PluginDirectory plugins;
    private static ModelAdapter adapter;
    private static ForgetSplit split;
    private static NetworkModel original;

    @TempDir
    static Path sharedFolder;

    @BeforeAll
    static void trainOriginal() throws Exception {
        assumeTrue(FashionMnist.available(), FashionMnist.MISSING);
        Map<PluginKind<?>, Map<String, PluginFactory<?>>> byKind = Map.of(
                PluginKind.MODEL, new TreeMap<>(Map.of("small-cnn",
                        new SmallCnnFactory(ComponentDefaults.of(SmallCnnConfiguration.class)))),
                PluginKind.BASE_LOSS, new TreeMap<>(Map.of("ga", new GradientAscentFactory(), "ft", new FineTuneFactory(),
                        "rl", new RandomLabelFactory(ComponentDefaults.of(RandomLabelConfiguration.class)))));
        plugins = new PluginDirectory(kind -> byKind.getOrDefault(kind, Map.of()));
        adapter = plugins.create(PluginKind.MODEL, ConfigSection.of(Map.of("adapter", "small-cnn",
                "training", Map.of("epochs", 2, "batchSize", 64)), "test"));
        ImageDataset train = FashionMnist.train(1200);
        ImageDataset test = FashionMnist.test(300);
        int[] forget = IntStream.range(0, train.size()).filter(i -> train.label(i) == 0).toArray();
        int[] retain = IntStream.range(0, train.size()).filter(i -> train.label(i) != 0).toArray();
        split = new ForgetSplit("class 0", new Subset("forget", train, forget), new Subset("retain", train, retain),
                Subset.all("test", test), new Subset("test-forget", test, new int[0]), new int[] {0});
        original = adapter.create(new InputSpec(1, 28, 28, 10), 0);
        adapter.train(original, Subset.all("train", train), adapter.training(),
                new TestRunContext(sharedFolder.resolve("original"), 1));
    }

    @AfterAll
    static void close() {
        if (original != null) {
            original.close();
        }
    }

    private static UnlearningMethod method(UnlearningMethodFactory factory, Map<String, Object> values) {
        ConfigSection config = ConfigSection.of(values, "test");
        UnlearningMethod method = factory.create(config, plugins);
        method.checkCompatible(adapter);
        assertTrue(config.unreadKeys().isEmpty(), config.unreadKeys().toString());
        return method;
    }

    private static UnlearningContext context(Path folder) {
        RunContext run = new TestRunContext(folder, 2);
        return new UnlearningContext() {
            @Override
            public String methodId() {
                return "baseline";
            }

            @Override
            public RunContext run() {
                return run;
            }

            @Override
            public ModelAdapter adapter() {
                return adapter;
            }

            @Override
            public NetworkModel original() {
                return original;
            }

            @Override
            public ForgetSplit split() {
                return split;
            }

            @Override
            public long seed() {
                return 9;
            }
        };
    }

    private static double accuracy(NetworkModel model, Subset subset) {
        int correct = 0;
        try (NDManager manager = model.manager().newSubManager()) {
            for (Batch batch : ImageBatches.inOrder(subset, 200, manager)) {
                try (batch) {
                    NDArray predicted = ((Classifier) model).logits(batch.images(), false, null).argMax(1);
                    correct += (int) predicted.eq(batch.labels()).sum().getLong();
                }
            }
        }
        return 100.0 * correct / subset.size();
    }

    @Test
    void retrainLearnsOnlyTheRetainSet(@TempDir Path folder) {
        UnlearningMethod retrain = method(new RetrainFactory(), Map.of("epochs", 2));
        assertTrue(retrain.isReference());
        MethodOutcome outcome = retrain.unlearn(context(folder));
        try (NetworkModel model = outcome.model()) {
            assertNull(outcome.divergence());
            assertEquals(0, accuracy(model, split.forget()), 1.0, "a class never seen is never predicted");
            assertTrue(accuracy(model, split.retain()) > 50, "retain accuracy " + accuracy(model, split.retain()));
            assertFalse(Arrays.equals(original.weight("head").getArray().toFloatArray(),
                    model.weight("head").getArray().toFloatArray()));
        }
    }

    @Test
    void fineTuningForgetsAClassItNoLongerSees(@TempDir Path folder) {
        MethodOutcome outcome = method(new FineTuneMethodFactory(), Map.of("epochs", 3)).unlearn(context(folder));
        try (NetworkModel model = outcome.model()) {
            assertNull(outcome.divergence());
            assertTrue(accuracy(model, split.forget()) < accuracy(original, split.forget()) - 10,
                    "forget accuracy " + accuracy(model, split.forget()));
        }
    }

    @Test
    void randomLabelsThenRetainPass(@TempDir Path folder) {
        MethodOutcome outcome = method(new ForgetLoopMethodFactory.RandomLabels(),
                Map.of("epochs", 3, "learningRate", 0.001)).unlearn(context(folder));
        try (NetworkModel model = outcome.model()) {
            assertNull(outcome.divergence());
            assertTrue(accuracy(model, split.forget()) < accuracy(original, split.forget()) - 20,
                    "forget accuracy " + accuracy(model, split.forget()));
            assertTrue(outcome.details().containsKey("retainPassLosses"), outcome.details().toString());
        }
    }

    @Test
    void gradientAscentDivergenceIsReportedWithItsStep(@TempDir Path folder) {
        MethodOutcome outcome = method(new ForgetLoopMethodFactory.GradientAscent(),
                Map.of("epochs", 20, "learningRate", 0.05, "checkEvery", 1)).unlearn(context(folder));
        outcome.model().close();
        assertNotNull(outcome.divergence(), "gradient ascent at learning rate 0.05 diverges");
        assertTrue(outcome.divergence().step() > 0);
        assertTrue(outcome.divergence().reason().contains("collapsed") || outcome.divergence().reason().contains("finite"),
                outcome.divergence().reason());
    }
}

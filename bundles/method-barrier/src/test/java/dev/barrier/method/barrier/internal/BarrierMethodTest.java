package dev.barrier.method.barrier.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.data.ForgetSplit;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.method.MethodOutcome;
import dev.barrier.api.method.UnlearningContext;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.linalg.FittedLayers;
import dev.barrier.nn.ImageBatches;
import dev.barrier.runtime.internal.plugin.PluginDirectory;
import dev.barrier.testing.ComponentDefaults;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BARRIER method on a slice of real Fashion-MNIST (1,200 training and 300 test images) with the real
 * plug-ins it is composed of, forgetting class 0 from a small CNN trained for one epoch.
 */
class BarrierMethodTest {

    private static PluginDirectory plugins;
    private static ModelAdapter adapter;
    private static ForgetSplit split;
    private static NetworkModel original;

    @TempDir
    static Path sharedFolder;

    @BeforeAll
    static void trainOriginal() throws Exception {
        assumeTrue(FashionMnist.available(), FashionMnist.MISSING);
        plugins = Directory.PLUGINS;
        adapter = plugins.create(PluginKind.MODEL, ConfigSection.of(Map.of("adapter", "small-cnn",
                "training", Map.of("epochs", 2, "batchSize", 64)), "test"));
        ImageDataset train = FashionMnist.train(1200);
        ImageDataset test = FashionMnist.test(300);
        split = classZero(train, test);
        original = adapter.create(new dev.barrier.api.model.InputSpec(1, 28, 28, 10), 0);
        adapter.train(original, Subset.all("train", train), adapter.training(),
                new TestRunContext(sharedFolder.resolve("original"), 1));
    }

    @AfterAll
    static void close() {
        if (original != null) {
            original.close();
        }
    }

    /** The plug-in directory, built once. */
    private static final class Directory {
        static final PluginDirectory PLUGINS = Plugins.directory();
    }

    private static ForgetSplit classZero(ImageDataset train, ImageDataset test) {
        int[] forget = IntStream.range(0, train.size()).filter(i -> train.label(i) == 0).toArray();
        int[] retain = IntStream.range(0, train.size()).filter(i -> train.label(i) != 0).toArray();
        int[] testRetain = IntStream.range(0, test.size()).filter(i -> test.label(i) != 0).toArray();
        int[] testForget = IntStream.range(0, test.size()).filter(i -> test.label(i) == 0).toArray();
        return new ForgetSplit("class 0", new Subset("forget", train, forget), new Subset("retain", train, retain),
                new Subset("test", test, testRetain), new Subset("test-forget", test, testForget), new int[] {0});
    }

    private static UnlearningMethod method(Map<String, Object> values) {
        ConfigSection config = ConfigSection.of(new HashMap<>(values), "test");
        UnlearningMethod method = new BarrierMethodFactory(ComponentDefaults.of(BarrierConfiguration.class))
                .create(config, plugins);
        method.checkCompatible(adapter);
        assertTrue(config.unreadKeys().isEmpty(), config.unreadKeys().toString());
        return method;
    }

    private static UnlearningContext context(RunContext run) {
        return new UnlearningContext() {
            @Override
            public String methodId() {
                return "barrier-test";
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
                return 5;
            }
        };
    }

    /** Returns the accuracy of a classifier on a subset, in percent. */
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

    private static float[] values(NetworkModel model, String layer) {
        return model.weight(layer).getArray().toFloatArray();
    }

    @Test
    void unlearnsTargetLayersOnly(@TempDir Path folder) throws Exception {
        UnlearningMethod method = method(Map.of("base", "rl", "retainWeight", 1.0, "epochs", 3,
                "protection", Map.of("lambda", 0.01), "retainSample", 200));
        TestRunContext run = new TestRunContext(folder, 3);
        MethodOutcome outcome = method.unlearn(context(run));
        try (NetworkModel model = outcome.model()) {
            assertNull(outcome.divergence());
            double before = accuracy(original, split.forget());
            double after = accuracy(model, split.forget());
            assertTrue(after < before - 20, "forget accuracy fell from " + before + " to " + after);

            assertArrayEquals(values(original, "conv1"), values(model, "conv1"), "conv1 is not a target");
            assertArrayEquals(values(original, "fc1"), values(model, "fc1"), "fc1 is not a target");
            assertFalse(java.util.Arrays.equals(values(original, "head"), values(model, "head")), "head changed");
            assertFalse(java.util.Arrays.equals(values(original, "conv2"), values(model, "conv2")), "conv2 changed");

            List<LayerCertificate> certificate = outcome.certificate();
            assertEquals(List.of("conv2", "head"), certificate.stream().map(LayerCertificate::layer).toList());
            for (LayerCertificate layer : certificate) {
                assertTrue(layer.bound() > 0, layer.toString());
                assertTrue(layer.retainRows() > 0, layer.toString());
                assertEquals(1.0, layer.retainInForgetBox() + layer.retainProtected() + layer.retainOutside(), 1e-9);
                assertTrue(layer.driftMax() >= layer.driftMean(), layer.toString());
            }
        }
    }

    @Test
    void fittedStatisticsAreSavedAndReused(@TempDir Path folder) throws Exception {
        Map<String, Object> settings = Map.of("base", "ga", "epochs", 1, "targets", List.of("head"),
                "certificate", false);
        TestRunContext first = new TestRunContext(folder.resolve("first"), 3);
        method(settings).unlearn(context(first)).model().close();
        Path fitFile = first.artifactsFolder().resolve("barrier-test-fit.bin");
        assertTrue(Files.isRegularFile(fitFile));
        List<FittedLayers.Entry> saved = FittedLayers.load(fitFile);

        Map<String, Object> reuse = new HashMap<>(settings);
        reuse.put("fitFile", fitFile.toString());
        TestRunContext second = new TestRunContext(folder.resolve("second"), 3);
        method(reuse).unlearn(context(second)).model().close();
        List<FittedLayers.Entry> again = FittedLayers.load(second.artifactsFolder().resolve("barrier-test-fit.bin"));
        assertArrayEquals(saved.get(0).region().forgetLow(), again.get(0).region().forgetLow(), 0);
        assertArrayEquals(saved.get(0).projection().mean(), again.get(0).projection().mean(), 0);
        assertTrue(second.logLines().stream().anyMatch(l -> l.contains("fitted statistics loaded from")),
                second.logLines().toString());
        assertTrue(second.progressLabels().stream().noneMatch(l -> l.startsWith("collect")),
                "no activation pass when the fit is loaded: " + second.progressLabels());
    }

    @Test
    void unknownTargetLayerListsTheLayers() {
        ConfigSection config = ConfigSection.of(Map.of("targets", List.of("fc9")), "test");
        UnlearningMethod method = new BarrierMethodFactory(ComponentDefaults.of(BarrierConfiguration.class))
                .create(config, plugins);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> method.checkCompatible(adapter));
        assertEquals("targets", e.problems().get(0).path());
        assertTrue(e.getMessage().contains("no layer 'fc9'; layers: conv1, conv2, fc1, head"), e.getMessage());
    }

    @Test
    void reducedDimensionWiderThanTheLayerIsRejected(@TempDir Path folder) {
        UnlearningMethod method = method(Map.of("targets", List.of("head"),
                "projection", Map.of("strategy", "svd", "reducedDim", 100)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> method.unlearn(context(new TestRunContext(folder, 3))));
        assertTrue(e.getMessage().contains("head"), e.getMessage());
        assertTrue(e.getMessage().contains("100") && e.getMessage().contains("64"), e.getMessage());
    }

    @Test
    void nonFiniteActivationsAreCountedPerLayer(@TempDir Path folder) {
        NetworkModel broken = original.copy();
        try {
            broken.weight("conv1").getArray().set(new NDIndex("0"), Float.NaN);
            UnlearningContext base = context(new TestRunContext(folder, 3));
            UnlearningContext withBroken = new DelegatingContext(base, broken);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> method(Map.of("epochs", 1)).unlearn(withBroken));
            assertTrue(e.getMessage().contains("layer conv2:"), e.getMessage());
            assertTrue(e.getMessage().contains("activation rows are not finite"), e.getMessage());
            assertTrue(e.getMessage().contains("nonFinite: replace"), e.getMessage());
        } finally {
            broken.close();
        }
    }

    @Test
    void protectionOffRunsTheBaseLossAlone(@TempDir Path folder) {
        TestRunContext run = new TestRunContext(folder, 3);
        MethodOutcome outcome = method(Map.of("base", "ga", "epochs", 1, "protect", false, "targets", List.of("head")))
                .unlearn(context(run));
        outcome.model().close();
        assertTrue(outcome.certificate().isEmpty());
        assertFalse(Files.exists(run.artifactsFolder().resolve("barrier-test-fit.bin")));
        assertTrue(outcome.notes().stream().anyMatch(n -> n.contains("protection was off")), outcome.notes().toString());
    }

    /** A context whose original model is another one. */
    private record DelegatingContext(UnlearningContext base, NetworkModel original) implements UnlearningContext {
        @Override
        public String methodId() {
            return base.methodId();
        }

        @Override
        public RunContext run() {
            return base.run();
        }

        @Override
        public ModelAdapter adapter() {
            return base.adapter();
        }

        @Override
        public ForgetSplit split() {
            return base.split();
        }

        @Override
        public long seed() {
            return base.seed();
        }
    }
}

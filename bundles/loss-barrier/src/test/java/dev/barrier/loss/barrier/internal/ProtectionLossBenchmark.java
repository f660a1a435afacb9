package dev.barrier.loss.barrier.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.loss.ProtectedLayer;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.LayerTap;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.RegionMode;
import dev.barrier.nn.AbstractNetworkModel;
import dev.barrier.nn.Optimizers;
import dev.barrier.nn.TappableBlock;
import dev.barrier.nn.TrainingStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;

/**
 * Times the protection loss against the work it is added to. The network is the small CNN of the Fashion-
 * MNIST experiments (conv1 1→16 3x3, pool, conv2 16→32 3x3, pool, fc1 1568→64, fc2 64→10; 106k parameters).
 * The loss protects conv2 on patch rows (d = 144, k = 32, r = 112) and fc2 (d = 64, k = 32, r = 32) with
 * random statistics. Measured side by side in one JVM:
 * <ul>
 * <li>protection: one {@code compute} plus its backward pass, per region mode;</li>
 * <li>training step: forward, backward and Adam update of every parameter on a batch of 128 random 28x28
 * images.</li>
 * </ul>
 * The three run in turn within each round, so that they see the same load. Prints median and mean
 * milliseconds and the ratio of medians; asserts nothing. Excluded from the default test run; run
 * it with {@code mvn -o test -pl loss-barrier -Dtest=ProtectionLossBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * from the bundles folder.
 */
class ProtectionLossBenchmark {

    private static final int WARMUP = 10;
    private static final int ROUNDS = 60;
    private static final int BATCH = 128;

    @Test
    void protectionAgainstTrainingStep() {
        try (NDManager manager = NDManager.newBaseManager();
                SmallCnn model = new SmallCnn(manager.newSubManager(), 1)) {
            Random random = new Random(1);
            NDArray images = manager.randomUniform(0, 1, new Shape(BATCH, 1, 28, 28));
            NDArray labels = manager.randomInteger(0, 10, new Shape(BATCH), DataType.INT32);
            Map<String, Parameter> all = model.parameters();
            TrainingSettings adam = new TrainingSettings(1, 0, BATCH, TrainingSettings.Optimizer.ADAM, 1e-3, 0, 0, 0, 1);
            TrainingStep step = new TrainingStep(all, all, Optimizers.create(adam), 0);
            Loss crossEntropy = Loss.softmaxCrossEntropyLoss();
            DoubleSupplier training = () -> step.run(() -> crossEntropy.evaluate(new NDList(labels),
                    new NDList(model.forward(images, true)))).loss();

            List<ProtectedLayer> layers = List.of(
                    protectedLayer(model.layer("conv2"), Fixtures.CONV_PATCH, 1000L * 14 * 14, random),
                    protectedLayer(model.layer("fc2"), Fixtures.LINEAR, 1000, random));
            Map<String, DoubleSupplier> work = new LinkedHashMap<>();
            work.put("training step (batch 128)", training);
            List<BarrierLoss> losses = new ArrayList<>();
            try {
                for (RegionMode mode : RegionMode.values()) {
                    BarrierLoss loss = Fixtures.loss(Map.of());
                    losses.add(loss);
                    loss.prepare(withMode(layers, mode), model);
                    work.put("protection + backward, " + mode.name().toLowerCase(Locale.ROOT), () -> {
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            collector.backward(loss.compute(model));
                            return 0;
                        }
                    });
                }
                System.out.printf("%nProtection loss vs training step, %s %s, %s threads, %d interleaved rounds after"
                        + " %d warm-up%n", Engine.getInstance().getEngineName(), Engine.getInstance().getVersion(),
                        System.getProperty("ai.djl.pytorch.num_threads", "default"), ROUNDS, WARMUP);
                Map<String, double[]> millis = time(work);
                double[] baseline = millis.get("training step (batch 128)");
                millis.forEach((label, times) -> report(label, times, times == baseline ? null : baseline));
            } finally {
                losses.forEach(BarrierLoss::close);
            }
        }
    }

    /**
     * Runs every piece of work once per round, in turn, so that all of them see the same load on the machine.
     *
     * @return milliseconds per round of each piece of work
     */
    private static Map<String, double[]> time(Map<String, DoubleSupplier> work) {
        Map<String, double[]> millis = new LinkedHashMap<>();
        work.keySet().forEach(label -> millis.put(label, new double[ROUNDS]));
        for (int round = -WARMUP; round < ROUNDS; round++) {
            for (Map.Entry<String, DoubleSupplier> entry : work.entrySet()) {
                long start = System.nanoTime();
                entry.getValue().getAsDouble();
                if (round >= 0) {
                    millis.get(entry.getKey())[round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return millis;
    }

    private static List<ProtectedLayer> withMode(List<ProtectedLayer> layers, RegionMode mode) {
        List<ProtectedLayer> out = new ArrayList<>();
        for (ProtectedLayer layer : layers) {
            IntervalRegion r = layer.region();
            out.add(new ProtectedLayer(layer.layer(), layer.group(), layer.extractor(), layer.projection(),
                    new IntervalRegion(r.layer(), r.forgetLow(), r.forgetHigh(), r.outerLow(), r.outerHigh(), mode)));
        }
        return out;
    }

    private static void report(String label, double[] millis, double[] baseline) {
        double median = median(millis);
        double mean = Arrays.stream(millis).average().orElse(Double.NaN);
        String ratio = baseline == null ? ""
                : String.format(", %.3f of a training step (medians)", median / median(baseline));
        System.out.printf("  %-36s median %8.3f ms, mean %8.3f ms%s%n", label, median, mean, ratio);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }

    private static ProtectedLayer protectedLayer(LayerInfo layer, ActivationExtractor extractor, long rows,
            Random random) {
        int k = 32;
        Projection projection = Fixtures.randomProjection(layer.name(), extractor.rowWidth(layer), k, rows, random);
        double[] a = new double[k];
        double[] b = new double[k];
        double[] low = new double[k];
        double[] high = new double[k];
        for (int i = 0; i < k; i++) {
            a[i] = -1 - random.nextDouble();
            b[i] = 1 + random.nextDouble();
            low[i] = a[i] - 20;
            high[i] = b[i] + 20;
        }
        return new ProtectedLayer(layer, 0, extractor, projection,
                new IntervalRegion(layer.name(), a, b, low, high, RegionMode.CORNER));
    }

    /** The small CNN: conv1 1→16, max pool, conv2 16→32, max pool, fc1 1568→64, fc2 64→10, ReLU between. */
    static final class SmallCnn extends AbstractNetworkModel<SmallCnn.Net> {

        static final class Net extends TappableBlock {

            Net() {
                super((byte) 1);
                add("conv1", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(16).build());
                add("conv2", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(32).build());
                add("fc1", Linear.builder().setUnits(64).build());
                add("fc2", Linear.builder().setUnits(10).build());
            }

            @Override
            public NDList forwardTapped(ParameterStore store, NDList inputs, boolean training, LayerTap tap) {
                NDArray x = inputs.singletonOrThrow();
                x = Pool.maxPool2d(Activation.relu(layer("conv1", store, x, training, tap)), new Shape(2, 2),
                        new Shape(2, 2), new Shape(0, 0), false);
                x = Pool.maxPool2d(Activation.relu(layer("conv2", store, x, training, tap)), new Shape(2, 2),
                        new Shape(2, 2), new Shape(0, 0), false);
                x = x.reshape(x.getShape().get(0), -1);
                x = Activation.relu(layer("fc1", store, x, training, tap));
                return new NDList(layer("fc2", store, x, training, tap));
            }

            @Override
            public Shape[] getOutputShapes(Shape[] inputShapes) {
                return new Shape[] {new Shape(inputShapes[0].get(0), 10)};
            }

            @Override
            protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
                long batch = inputShapes[0].get(0);
                Block conv1 = child("conv1");
                conv1.initialize(manager, dataType, inputShapes[0]);
                child("conv2").initialize(manager, dataType, new Shape(batch, 16, 14, 14));
                child("fc1").initialize(manager, dataType, new Shape(batch, 32 * 7 * 7));
                child("fc2").initialize(manager, dataType, new Shape(batch, 64));
            }
        }

        private final long seed;

        SmallCnn(NDManager manager, long seed) {
            super("small-cnn", Map.of(), new InputSpec(1, 28, 28, 10), manager, new Net(),
                    List.of("conv1", "conv2", "fc1", "fc2"), seed, new Shape(1, 1, 28, 28));
            this.seed = seed;
        }

        NDArray forward(NDArray images, boolean training) {
            return block().forwardTapped(parameterStore(), new NDList(images), training, null).singletonOrThrow();
        }

        @Override
        protected SmallCnn newInstance(NDManager newManager) {
            return new SmallCnn(newManager, seed);
        }
    }
}

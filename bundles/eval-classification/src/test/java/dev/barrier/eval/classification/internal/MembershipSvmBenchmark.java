package dev.barrier.eval.classification.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.nn.AbstractNetworkModel;
import dev.barrier.nn.ImageBatches;
import dev.barrier.nn.Optimizers;
import dev.barrier.nn.TappableBlock;
import dev.barrier.nn.TrainingStep;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.TestRunContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times the shadow SVM of the {@code mia} evaluator on 9,000 members and 9,000 non-members, the size of a
 * class-wise Fashion-MNIST run, with the kernel cache at 200 MB (the default) and at 1,000 MB, side by side
 * in one JVM. The features of the first case are seeded synthetic true-label probabilities sigmoid(g) in
 * float32, with logit gaps g ~ N(10, 5) for members and N(8, 6) for non-members. The second case, run when
 * Fashion-MNIST is installed, uses a 784-128-10 perceptron trained for 3 epochs on the training set.
 *
 * <p>Run with {@code mvn -o test -pl bundles/eval-classification -Dtest=MembershipSvmBenchmark
 * -Dbarrier.benchmark=true}; it prints its numbers and asserts nothing.
 */
@EnabledIfSystemProperty(named = "barrier.benchmark", matches = "true")
class MembershipSvmBenchmark {

    private static final int PER_CLASS = 9000;

    @Test
    void syntheticFeatures() {
        Random random = new Random(17);
        double[] members = new double[PER_CLASS];
        double[] nonMembers = new double[PER_CLASS];
        for (int i = 0; i < PER_CLASS; i++) {
            members[i] = (float) sigmoid(10 + 5 * random.nextGaussian());
            nonMembers[i] = (float) sigmoid(8 + 6 * random.nextGaussian());
        }
        float[] forget = new float[6000];
        for (int i = 0; i < forget.length; i++) {
            forget[i] = (float) sigmoid(9 + 6 * random.nextGaussian());
        }
        compare("synthetic", members, nonMembers, forget);
    }

    @Test
    void perceptronFeaturesOnFashionMnist() {
        assumeTrue(FashionMnist.available(), FashionMnist.MISSING);
        ImageDataset train = FashionMnist.train(Integer.MAX_VALUE);
        ImageDataset test = FashionMnist.test(Integer.MAX_VALUE);
        try (NDManager manager = NDManager.newBaseManager();
                Perceptron model = new Perceptron(manager.newSubManager())) {
            long start = System.nanoTime();
            train(model, train, manager);
            System.out.printf(Locale.ROOT, "perceptron trained in %.1f s%n", (System.nanoTime() - start) / 1e9);
            ProgressTask quiet = new TestRunContext(Path.of("."), 42).progress().start("features", 0, "batches");
            TestRunContext run = new TestRunContext(Path.of("."), 42);
            float[] members = ClassifierOutputs.trueLabelProbabilities(model,
                    Subset.all("train", train).head(PER_CLASS), 500, quiet, run);
            float[] nonMembers = ClassifierOutputs.trueLabelProbabilities(model,
                    Subset.all("test", test).head(PER_CLASS), 500, quiet, run);
            float[] forget = ClassifierOutputs.trueLabelProbabilities(model,
                    new Subset("forget", train, SyntheticImages.range(PER_CLASS, PER_CLASS + 6000)), 500, quiet, run);
            compare("fashion-mnist perceptron", toDouble(members), toDouble(nonMembers), forget);
        }
    }

    private static void compare(String source, double[] members, double[] nonMembers, float[] forget) {
        Set<Double> distinct = new HashSet<>();
        for (double value : members) {
            distinct.add(value);
        }
        for (double value : nonMembers) {
            distinct.add(value);
        }
        System.out.printf(Locale.ROOT, "%s: %d + %d samples, %d distinct feature values%n", source, members.length,
                nonMembers.length, distinct.size());
        // Warm up the JIT on a small problem first. The cache sizes then alternate (200, 1000, 1000, 200) so that
        // drifting load on the machine affects both alike, and the least CPU time of each is printed.
        MembershipSvm.fit(java.util.Arrays.copyOf(members, 1000), java.util.Arrays.copyOf(nonMembers, 1000),
                MiaEvaluator.COST, MiaEvaluator.GAMMA, 200).nonMemberFraction(java.util.Arrays.copyOf(forget, 500));
        // The solver runs on this thread, so its CPU time does not depend on how busy the other cores are.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int[] caches = {200, 1000, 1000, 200};
        Map<Integer, Double> fastest = new java.util.TreeMap<>();
        MembershipSvm svm = null;
        for (int cache : caches) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            svm = MembershipSvm.fit(members, nonMembers, MiaEvaluator.COST, MiaEvaluator.GAMMA, cache);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            fastest.merge(cache, cpuSeconds, Math::min);
            System.out.printf(Locale.ROOT, "  fit, cache %4d MB: %6.2f s wall, %6.2f s CPU, %d support vectors%n",
                    cache, svm.fitSeconds(), cpuSeconds, svm.supportVectors());
        }
        System.out.printf(Locale.ROOT, "  least CPU time: %.2f s with 200 MB, %.2f s with 1000 MB (ratio %.2f)%n",
                fastest.get(200), fastest.get(1000), fastest.get(1000) / fastest.get(200));

        long start = System.nanoTime();
        long nonMemberCount = 0;
        for (float feature : forget) {
            if (!svm.isMember(feature)) {
                nonMemberCount++;
            }
        }
        double single = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        double fraction = svm.nonMemberFraction(forget);
        double memoized = (System.nanoTime() - start) / 1e9;
        Set<Float> distinctForget = new HashSet<>();
        for (float value : forget) {
            distinctForget.add(value);
        }
        System.out.printf(Locale.ROOT, "  predict %d forget samples (%d distinct): %.3f s one by one, %.3f s once per"
                + " distinct value (ratio %.2f); MIA-efficacy %.2f%% and %.2f%%%n", forget.length, distinctForget.size(),
                single, memoized, memoized / single, 100.0 * nonMemberCount / forget.length, 100 * fraction);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static void train(Perceptron model, ImageDataset data, NDManager manager) {
        TrainingSettings settings = new TrainingSettings(3, 0, 128, TrainingSettings.Optimizer.ADAM, 1e-3, 0, 0, 0,
                1);
        TrainingStep step = new TrainingStep(model.parameters(), model.parameters(), Optimizers.create(settings), 0);
        Loss loss = Loss.softmaxCrossEntropyLoss();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (Batch batch : ImageBatches.shuffled(Subset.all("train", data), settings.batchSize(), epoch, manager)) {
                try (batch) {
                    step.run(() -> loss.evaluate(new NDList(batch.labels()), new NDList(model.logits(batch.images(),
                            true, null))));
                }
            }
        }
    }

    /** A 784-128-10 perceptron with a ReLU. */
    private static final class Perceptron extends AbstractNetworkModel<Perceptron.Net> implements Classifier {

        static final class Net extends TappableBlock {
            Net() {
                super((byte) 1);
                add("fc1", Linear.builder().setUnits(128).build());
                add("fc2", Linear.builder().setUnits(10).build());
            }

            @Override
            public NDList forwardTapped(ParameterStore parameterStore, NDList inputs, boolean training,
                    LayerTap tap) {
                NDArray x = inputs.singletonOrThrow();
                x = x.reshape(x.getShape().get(0), -1);
                x = Activation.relu(layer("fc1", parameterStore, x, training, tap));
                return new NDList(layer("fc2", parameterStore, x, training, tap));
            }

            @Override
            public Shape[] getOutputShapes(Shape[] inputShapes) {
                return new Shape[] {new Shape(inputShapes[0].get(0), 10)};
            }

            @Override
            protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
                Shape flat = new Shape(inputShapes[0].get(0), 784);
                child("fc1").initialize(manager, dataType, flat);
                child("fc2").initialize(manager, dataType, new Shape(inputShapes[0].get(0), 128));
            }
        }

        Perceptron(NDManager manager) {
            super("perceptron", Map.of("hidden", 128), new InputSpec(1, 28, 28, 10), manager, new Net(),
                    List.of("fc1", "fc2"), 1, new Shape(1, 1, 28, 28));
        }

        @Override
        public NDArray logits(NDArray images, boolean training, LayerTap tap) {
            return block().forwardTapped(parameterStore(), new NDList(images), training, tap).singletonOrThrow();
        }

        @Override
        protected Perceptron newInstance(NDManager newManager) {
            return new Perceptron(newManager);
        }
    }
}

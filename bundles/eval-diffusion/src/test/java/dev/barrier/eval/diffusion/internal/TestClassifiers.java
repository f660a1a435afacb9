package dev.barrier.eval.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.CollectionSettings;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.ModelTask;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.nn.AbstractNetworkModel;
import dev.barrier.nn.ImageBatches;
import dev.barrier.nn.Optimizers;
import dev.barrier.nn.Seeds;
import dev.barrier.nn.TappableBlock;
import dev.barrier.nn.TrainingStep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two classifier adapters for tests, with the target layers the evaluator needs (a Linear {@code head} whose
 * input is the feature vector):
 * <ul>
 * <li>{@code pixel-argmax}: fc1 (identity) and head (picks pixel k for class k), so the predicted class is
 * the brightest of the first K pixels. Its "training" sets those weights; it makes recognition exactly
 * predictable for designed images.</li>
 * <li>{@code test-cnn}: conv1 (3x3) → ReLU → 2x2 max-pool → conv2 (3x3) → ReLU → 2x2 max-pool → fc1 → ReLU →
 * head, on inputs normalised as (x − 0.5) / 0.25, trained with Adam on softmax cross-entropy. With 16 and 32
 * channels and 64 hidden units it has the layout of the platform's small-cnn.</li>
 * </ul>
 */
final class TestClassifiers {

    private static final Loss CROSS_ENTROPY = Loss.softmaxCrossEntropyLoss();

    private TestClassifiers() {
    }

    /** Returns the {@code pixel-argmax} adapter. */
    static ModelAdapter pixelArgmax() {
        return new Adapter("pixel-argmax", Map.of(), new TrainingSettings(1, 0, 1, TrainingSettings.Optimizer.ADAM,
                1e-3, 0, 0, 0, 0));
    }

    /** Returns a {@code test-cnn} adapter. */
    static ModelAdapter cnn(int channels1, int channels2, int hidden, TrainingSettings training) {
        return new Adapter("test-cnn", Map.of("channels1", channels1, "channels2", channels2, "hidden", hidden),
                training);
    }

    private static final class Adapter implements ModelAdapter {
        private final String name;
        private final Map<String, Object> settings;
        private final TrainingSettings training;

        Adapter(String name, Map<String, Object> settings, TrainingSettings training) {
            this.name = name;
            this.settings = settings;
            this.training = training;
        }

        @Override
        public String architecture() {
            return name;
        }

        @Override
        public ModelTask task() {
            return ModelTask.CLASSIFICATION;
        }

        @Override
        public Map<String, Object> settings() {
            return settings;
        }

        @Override
        public List<String> layerNames() {
            return Block.targets(name);
        }

        @Override
        public TrainingSettings training() {
            return training;
        }

        @Override
        public Network create(InputSpec spec, long seed) {
            return new Network(name, settings, spec, NDManager.newBaseManager(), seed);
        }

        @Override
        public NetworkModel load(Path file, InputSpec spec) throws IOException {
            Network network = create(spec, 0);
            network.load(file);
            return network;
        }

        @Override
        public void save(NetworkModel model, Path file) throws IOException {
            ((Network) model).save(file);
        }

        @Override
        public TrainingSummary train(NetworkModel model, Subset data, TrainingSettings settings, RunContext context) {
            Network network = (Network) model;
            long start = System.nanoTime();
            if (name.equals("pixel-argmax")) {
                network.setSelectionWeights();
                return new TrainingSummary(1, 0, List.of(0.0), (System.nanoTime() - start) / 1e9, null);
            }
            TrainingStep step = new TrainingStep(network.parameters(), network.parameters(),
                    Optimizers.create(settings), settings.gradientClip());
            List<Double> losses = new ArrayList<>();
            long steps = 0;
            try (NDManager scope = network.manager().newSubManager();
                    ProgressTask task = context.progress().start("train " + name, 0, "batches")) {
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    double sum = 0;
                    int count = 0;
                    for (Batch batch : ImageBatches.shuffled(data, settings.batchSize(),
                            Seeds.derive(settings.seed(), "epoch " + epoch), scope)) {
                        try (batch) {
                            TrainingStep.Outcome outcome = step.run(() -> CROSS_ENTROPY.evaluate(
                                    new NDList(batch.labels()), new NDList(network.logits(batch.images(), true, null))));
                            sum += outcome.loss();
                            count++;
                            steps++;
                            task.step(1);
                        }
                    }
                    losses.add(sum / count);
                }
            }
            return new TrainingSummary(losses.size(), steps, losses, (System.nanoTime() - start) / 1e9, null);
        }

        @Override
        public NDArray taskLoss(NetworkModel model, Batch batch, boolean training, Random random) {
            return CROSS_ENTROPY.evaluate(new NDList(batch.labels()),
                    new NDList(((Network) model).logits(batch.images(), training, null)));
        }

        @Override
        public void collectLayerInputs(NetworkModel model, Subset data, Collection<String> layers,
                CollectionSettings settings, LayerTap sink, RunContext context) {
            throw new UnsupportedOperationException("the evaluator tests do not collect layer inputs");
        }
    }

    /** The network of both test classifiers. */
    static final class Network extends AbstractNetworkModel<Block> implements Classifier {
        private final String name;
        private final Map<String, Object> settings;

        Network(String name, Map<String, Object> settings, InputSpec spec, NDManager manager, long seed) {
            super(name, settings, spec, manager, new Block(name, settings, spec), Block.targets(name), seed,
                    new Shape(1, spec.channels(), spec.height(), spec.width()));
            this.name = name;
            this.settings = settings;
        }

        @Override
        public NDArray logits(NDArray images, boolean training, LayerTap tap) {
            return block().forwardTapped(parameterStore(), new NDList(images), training, tap).singletonOrThrow();
        }

        void setSelectionWeights() {
            int pixels = inputSpec().channels() * inputSpec().height() * inputSpec().width();
            int classes = inputSpec().numClasses();
            float[] identity = new float[pixels * pixels];
            for (int i = 0; i < pixels; i++) {
                identity[i * pixels + i] = 1;
            }
            float[] selection = new float[classes * pixels];
            for (int k = 0; k < classes; k++) {
                selection[k * pixels + k] = 1;
            }
            weight("fc1").getArray().set(identity);
            weight("head").getArray().set(selection);
            bias("fc1").orElseThrow().getArray().set(new float[pixels]);
            bias("head").orElseThrow().getArray().set(new float[classes]);
        }

        @Override
        protected Network newInstance(NDManager newManager) {
            return new Network(name, settings, inputSpec(), newManager, 0);
        }
    }

    /** The block of both test classifiers. */
    static final class Block extends TappableBlock {
        private final boolean cnn;
        private final InputSpec spec;
        private final int channels1;
        private final int channels2;
        private final int hidden;

        Block(String name, Map<String, Object> settings, InputSpec spec) {
            super((byte) 1);
            this.cnn = name.equals("test-cnn");
            this.spec = spec;
            int pixels = spec.channels() * spec.height() * spec.width();
            this.channels1 = cnn ? (Integer) settings.get("channels1") : 0;
            this.channels2 = cnn ? (Integer) settings.get("channels2") : 0;
            this.hidden = cnn ? (Integer) settings.get("hidden") : pixels;
            if (cnn) {
                add("conv1", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(channels1).build());
                add("conv2", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(channels2).build());
            }
            add("fc1", Linear.builder().setUnits(hidden).build());
            add("head", Linear.builder().setUnits(spec.numClasses()).build());
        }

        static List<String> targets(String name) {
            return name.equals("test-cnn") ? List.of("conv1", "conv2", "fc1", "head") : List.of("fc1", "head");
        }

        @Override
        public NDList forwardTapped(ParameterStore ps, NDList inputs, boolean training, LayerTap tap) {
            NDArray x = inputs.singletonOrThrow();
            if (cnn) {
                x = x.sub(0.5f).div(0.25f);
                x = pool(Activation.relu(layer("conv1", ps, x, training, tap)));
                x = pool(Activation.relu(layer("conv2", ps, x, training, tap)));
                x = x.reshape(x.getShape().get(0), -1);
                x = Activation.relu(layer("fc1", ps, x, training, tap));
            } else {
                x = layer("fc1", ps, x.reshape(x.getShape().get(0), -1), training, tap);
            }
            return new NDList(layer("head", ps, x, training, tap));
        }

        private static NDArray pool(NDArray x) {
            return Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), spec.numClasses())};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape shape = new Shape(1, spec.channels(), spec.height(), spec.width());
            if (cnn) {
                child("conv1").initialize(manager, dataType, shape);
                child("conv2").initialize(manager, dataType, new Shape(1, channels1, spec.height() / 2,
                        spec.width() / 2));
                shape = new Shape(1, (long) channels2 * (spec.height() / 4) * (spec.width() / 4));
            } else {
                shape = new Shape(1, shape.size());
            }
            child("fc1").initialize(manager, dataType, shape);
            child("head").initialize(manager, dataType, new Shape(1, hidden));
        }
    }
}

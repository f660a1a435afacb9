package dev.barrier.model.classifier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model adapter of one classifier architecture with fixed settings: builds, trains, saves and loads
 * {@link ClassifierNetwork}s and runs them over data to collect layer inputs. The training loss is softmax
 * cross-entropy of the logits against the labels.
 *
 * <p>Models get their own root manager from {@link NDManager#newBaseManager()}; the engine is loaded by the
 * platform before any adapter runs. Methods that take a model accept any {@link Classifier}, except
 * {@link #save}, which writes only models of this adapter's architecture and settings.
 */
final class ClassifierAdapter implements ModelAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierAdapter.class);
    private static final Loss CROSS_ENTROPY = Loss.softmaxCrossEntropyLoss();

    private final ClassifierArchitecture architecture;
    private final TrainingSettings training;

    ClassifierAdapter(ClassifierArchitecture architecture, TrainingSettings training) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.training = Objects.requireNonNull(training, "training");
    }

    @Override
    public String architecture() {
        return architecture.name();
    }

    @Override
    public ModelTask task() {
        return ModelTask.CLASSIFICATION;
    }

    @Override
    public Map<String, Object> settings() {
        return Collections.unmodifiableMap(architecture.settings());
    }

    @Override
    public List<String> layerNames() {
        return architecture.layerNames();
    }

    @Override
    public List<String> defaultTargets() {
        return architecture.defaultTargets();
    }

    @Override
    public TrainingSettings training() {
        return training;
    }

    /**
     * Creates a network whose parameters are drawn from the engine's random generator seeded with
     * {@code seed}, so equal seeds give equal parameters.
     *
     * @throws IllegalArgumentException if the input is too small for the architecture
     */
    @Override
    public ClassifierNetwork create(InputSpec spec, long seed) {
        ClassifierNetwork network = AbstractNetworkModel.create(
                manager -> new ClassifierNetwork(architecture, spec, seed, manager));
        LOG.debug("Created {} with {} parameters for {}", architecture.name(), network.parameterCount(), spec);
        return network;
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws NoSuchFileException      if {@code file} does not exist; the message names it
     * @throws IOException              if the file cannot be read or is not a model file
     * @throws IllegalArgumentException if the file contains another architecture, other settings or another
     *                                  input shape; the message gives what was expected and what was found
     */
    @Override
    public ClassifierNetwork load(Path file, InputSpec spec) throws IOException {
        return AbstractNetworkModel.loadNew(file, architecture.name(), () -> create(spec, 0));
    }

    /**
     * Saves a model to one file, atomically.
     *
     * @throws IllegalArgumentException if the model is not one of this adapter's architecture and settings
     */
    @Override
    public void save(NetworkModel model, Path file) throws IOException {
        if (!(model instanceof ClassifierNetwork network) || !network.classifierArchitecture().equals(architecture)) {
            throw new IllegalArgumentException("the " + architecture.name() + " adapter with settings "
                    + architecture.settings() + " saves only its own models, got " + model);
        }
        network.save(file);
    }

    /**
     * Trains every parameter except batch-normalisation running statistics; see {@link ClassifierTraining}.
     *
     * @throws IllegalArgumentException if the model is not a {@link Classifier} or {@code data} is empty
     */
    @Override
    public TrainingSummary train(NetworkModel model, Subset data, TrainingSettings settings, RunContext context) {
        return new ClassifierTraining(architecture.name(), classifier(model), data, settings, context).run();
    }

    /**
     * Computes the mean softmax cross-entropy of the model's logits against {@code batch.labels()}.
     * {@code random} is not used: the loss of a classifier has no randomness.
     *
     * @throws IllegalArgumentException if the model is not a {@link Classifier}
     */
    @Override
    public NDArray taskLoss(NetworkModel model, Batch batch, boolean training, Random random) {
        return crossEntropy(classifier(model).logits(batch.images(), training, null), batch.labels());
    }

    /** Returns the mean softmax cross-entropy of logits [B, K] against int64 labels [B]. */
    static NDArray crossEntropy(NDArray logits, NDArray labels) {
        if (labels.getShape().dimension() != 1 || labels.getShape().get(0) != logits.getShape().get(0)) {
            throw new IllegalArgumentException("expected labels [" + logits.getShape().get(0) + "] for logits "
                    + logits.getShape() + ", got " + labels.getShape());
        }
        return CROSS_ENTROPY.evaluate(new NDList(labels), new NDList(logits));
    }

    /**
     * Runs the model in evaluation mode over {@code data} in subset order, in batches of
     * {@code settings.batchSize()}, and hands the inputs of {@code layers} to {@code sink}. Each batch lives in
     * its own manager, closed after the sink returns.
     *
     * <p>Note: a classifier is given the same images in every pass, so a second pass repeats the rows of the
     * first exactly. The adapter still runs {@code settings.passes()} passes, because a caller that asks for
     * more than one expects that many rows; 1 is the useful value.
     *
     * @throws IllegalArgumentException if a layer does not exist; the message lists the layers that do
     */
    @Override
    public void collectLayerInputs(NetworkModel model, Subset data, Collection<String> layers,
            CollectionSettings settings, LayerTap sink, RunContext context) {
        Classifier classifier = classifier(model);
        Set<String> requested = new LinkedHashSet<>();
        for (String layer : layers) {
            requested.add(model.layer(layer).name());
        }
        LayerTap selected = (layer, input) -> {
            if (requested.contains(layer)) {
                sink.accept(layer, input);
            }
        };
        try (NDManager scope = model.manager().newSubManager()) {
            ImageBatches batches = ImageBatches.inOrder(data, settings.batchSize(), scope);
            String label = "collect " + String.join(", ", requested) + " inputs of " + architecture.name() + " on "
                    + data.name();
            try (ProgressTask task = context.progress().start(label, (long) batches.count() * settings.passes(),
                    "batches")) {
                for (int pass = 0; pass < settings.passes(); pass++) {
                    for (Batch batch : batches) {
                        try (batch) {
                            context.checkCancelled();
                            classifier.logits(batch.images(), false, selected);
                        }
                        task.step(1);
                    }
                }
            }
        }
    }

    private Classifier classifier(NetworkModel model) {
        if (model instanceof Classifier classifier) {
            return classifier;
        }
        throw new IllegalArgumentException("the " + architecture.name() + " adapter needs a classifier, got "
                + (model == null ? "null" : model.architecture() + " (" + model.getClass().getName() + ")"));
    }

    @Override
    public String toString() {
        return architecture.name() + " " + architecture.settings();
    }
}

package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.CollectionSettings;
import dev.barrier.api.model.DiffusionModel;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.ModelTask;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.model.NoiseSchedule;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.model.TrainingSummary;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;
import dev.barrier.nn.AbstractNetworkModel;
import dev.barrier.nn.ImageBatches;
import dev.barrier.nn.Seeds;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model adapter of one diffusion architecture with fixed settings. The training loss is the
 * noise-prediction error of ε-prediction. It encodes the images, draws a timestep t uniformly from [0, T) and
 * Gaussian noise ε per image, and noises the samples in closed form. The loss is the mean squared error
 * between the predicted and the true noise. In training mode each class is replaced by the null class with probability
 * {@code classDropout}, which trains the unconditional prediction that classifier-free guidance needs.
 *
 * <p>Models get their own root manager from {@link NDManager#newBaseManager()}; the engine is loaded by the
 * platform before any adapter runs. Methods that take a model accept any {@link DiffusionModel}, except
 * {@link #save}, which writes only models of this adapter's architecture and settings.
 */
final class DiffusionAdapter implements ModelAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DiffusionAdapter.class);

    private final DiffusionArchitecture architecture;
    private final double classDropout;
    private final TrainingSettings training;

    /**
     * Creates the adapter.
     *
     * @param classDropout the probability, in [0, 1), that training replaces a class by the null class
     */
    DiffusionAdapter(DiffusionArchitecture architecture, double classDropout, TrainingSettings training) {
        if (!(classDropout >= 0 && classDropout < 1)) {
            throw new IllegalArgumentException("classDropout must be in [0, 1), got " + classDropout);
        }
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.classDropout = classDropout;
        this.training = Objects.requireNonNull(training, "training");
    }

    @Override
    public String architecture() {
        return architecture.name();
    }

    @Override
    public ModelTask task() {
        return ModelTask.DIFFUSION;
    }

    /** Returns the architecture's hyperparameters and {@code classDropout}. */
    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>(architecture.hyperparameters());
        settings.put("classDropout", classDropout);
        return Collections.unmodifiableMap(settings);
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

    /** Returns the probability that training replaces a class by the null class. */
    double classDropout() {
        return classDropout;
    }

    /**
     * Creates a network whose parameters are drawn from the engine's random generator seeded with
     * {@code seed}, so equal seeds give equal parameters. A latent model's codec is fitted later, by
     * {@link #train}.
     *
     * @throws IllegalArgumentException if the input does not suit the architecture
     */
    @Override
    public DiffusionNetwork<?> create(InputSpec spec, long seed) {
        DiffusionNetwork<?> network = AbstractNetworkModel.create(manager -> architecture.newNetwork(spec, seed, manager));
        LOG.debug("Created {} with {} parameters for {}", architecture.name(), network.parameterCount(), spec);
        return network;
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws NoSuchFileException      if {@code file} does not exist; the message names it
     * @throws IOException              if the file cannot be read or is not a model file
     * @throws IllegalArgumentException if the file contains another architecture, other settings or another input
     *                                  shape; the message gives what was expected and what was found
     */
    @Override
    public DiffusionNetwork<?> load(Path file, InputSpec spec) throws IOException {
        return AbstractNetworkModel.loadNew(file, architecture.name(), () -> create(spec, 0));
    }

    /**
     * Saves a model, codec constants included, to one file, atomically.
     *
     * @throws IllegalArgumentException if the model is not one of this adapter's architecture and settings
     */
    @Override
    public void save(NetworkModel model, Path file) throws IOException {
        if (!(model instanceof DiffusionNetwork<?> network)
                || !network.diffusionArchitecture().equals(architecture)) {
            throw new IllegalArgumentException("the " + architecture.name() + " adapter with settings "
                    + architecture.hyperparameters() + " saves only its own models, got " + model);
        }
        network.save(file);
    }

    /**
     * Trains every parameter of the denoiser; see {@link DiffusionTraining}. A latent model whose codec has not
     * been fitted yet has it fitted on {@code data} first; a fitted codec is kept, because the denoiser only
     * works in the latent space it was trained in.
     *
     * @throws IllegalArgumentException if the model is not a diffusion model or {@code data} is empty
     */
    @Override
    public TrainingSummary train(NetworkModel model, Subset data, TrainingSettings settings, RunContext context) {
        DiffusionModel diffusion = diffusion(model);
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot train " + model.architecture() + " on " + data
                    + ": it has no images");
        }
        if (diffusion instanceof DiffusionNetwork<?> network) {
            network.prepareTraining(data, context);
        }
        return new DiffusionTraining(this, diffusion, data, settings, context).run();
    }

    /**
     * Computes the noise-prediction loss on one batch, drawing in this order from {@code random}: one
     * timestep per image, then one class-dropout draw per image (only in training mode with a positive
     * {@code classDropout}), then the noise.
     *
     * @param training whether layers run in training mode; it also turns class dropout on
     * @throws IllegalArgumentException if the model is not a diffusion model
     */
    @Override
    public NDArray taskLoss(NetworkModel model, Batch batch, boolean training, Random random) {
        return noisePredictionLoss(diffusion(model), batch.images(), batch.labels(), training,
                training ? classDropout : 0, random);
    }

    /**
     * Returns the mean squared error between predicted and true noise for {@code images} noised at uniform
     * random timesteps; see {@link #taskLoss}.
     */
    static NDArray noisePredictionLoss(DiffusionModel model, NDArray images, NDArray labels, boolean training,
            double classDropout, Random random) {
        NDArray clean = model.encode(images);
        NDManager manager = clean.getManager();
        int count = (int) clean.getShape().get(0);
        NoiseSchedule schedule = model.schedule();
        long[] timesteps = ForwardNoising.uniformTimesteps(count, schedule.steps(), random);
        long[] classes = labels.toType(DataType.INT64, false).toLongArray();
        if (classDropout > 0) {
            classes = ForwardNoising.dropClasses(classes, classDropout, model.nullClass(), random);
        }
        NDArray noise = ForwardNoising.gaussian(manager, clean.getShape(), random);
        NDArray noisy = ForwardNoising.apply(clean, timesteps, noise, schedule);
        NDArray predicted = model.predictNoise(noisy, manager.create(timesteps), manager.create(classes), training,
                null);
        return predicted.sub(noise).square().mean();
    }

    /**
     * Runs the model in evaluation mode over noised versions of {@code data} and hands the inputs of
     * {@code layers} to {@code sink}. Each pass goes over the images in subset order in batches of
     * {@code settings.batchSize()}; batch b of pass p draws from a generator seeded from
     * {@code settings.seed()}, p and b, in this order: one timestep per image in antithetic pairs across the
     * batch (t for the first half, T − 1 − t for the second), one Bernoulli draw per image that replaces its
     * class by the null class with probability {@code settings.nullClassFraction()}, then the Gaussian noise.
     * Equal settings therefore replay exactly the same noised inputs, timesteps and classes.
     *
     * @throws IllegalArgumentException if the model is not a diffusion model or a layer does not exist; the
     *                                  message lists the layers that do
     */
    @Override
    public void collectLayerInputs(NetworkModel model, Subset data, Collection<String> layers,
            CollectionSettings settings, LayerTap sink, RunContext context) {
        DiffusionModel diffusion = diffusion(model);
        Set<String> wanted = new LinkedHashSet<>();
        for (String layer : layers) {
            wanted.add(model.layer(layer).name());
        }
        LayerTap selected = (layer, input) -> {
            if (wanted.contains(layer)) {
                sink.accept(layer, input);
            }
        };
        NoiseSchedule schedule = diffusion.schedule();
        try (NDManager scope = model.manager().newSubManager()) {
            ImageBatches batches = ImageBatches.inOrder(data, settings.batchSize(), scope);
            String label = "collect " + String.join(", ", wanted) + " inputs of " + model.architecture() + " on "
                    + data.name();
            try (ProgressTask task = context.progress().start(label, (long) batches.count() * settings.passes(),
                    "batches")) {
                for (int pass = 0; pass < settings.passes(); pass++) {
                    int index = 0;
                    for (Batch batch : batches) {
                        try (batch) {
                            context.checkCancelled();
                            Random random = new Random(Seeds.derive(settings.seed(),
                                    "collect pass " + pass + " batch " + index));
                            NDArray clean = diffusion.encode(batch.images());
                            NDManager manager = clean.getManager();
                            long[] timesteps = ForwardNoising.antitheticTimesteps(batch.size(), schedule.steps(),
                                    random);
                            long[] classes = ForwardNoising.dropClasses(batch.labels().toLongArray(),
                                    settings.nullClassFraction(), diffusion.nullClass(), random);
                            NDArray noise = ForwardNoising.gaussian(manager, clean.getShape(), random);
                            NDArray noisy = ForwardNoising.apply(clean, timesteps, noise, schedule);
                            diffusion.predictNoise(noisy, manager.create(timesteps), manager.create(classes), false,
                                    selected);
                        }
                        index++;
                        task.step(1);
                    }
                }
            }
        }
    }

    static DiffusionModel diffusion(NetworkModel model) {
        if (model instanceof DiffusionModel diffusion) {
            return diffusion;
        }
        throw new IllegalArgumentException("a diffusion model adapter needs a diffusion model, got "
                + (model == null ? "null" : model.architecture() + " (" + model.getClass().getName() + ")"));
    }

    @Override
    public String toString() {
        return architecture.name() + " " + settings();
    }
}

package dev.barrier.eval.diffusion.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.eval.Evaluator;
import dev.barrier.api.eval.EvaluatorFactory;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.ModelTask;
import dev.barrier.api.model.SamplingSettings;
import dev.barrier.api.plugin.PluginFactory;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.plugin.PluginResolver;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Creates the {@code diffusion-quality} evaluator. Keys: {@code samplesPerClass}, {@code sampler}
 * ({@code ddim} or {@code ddpm}), {@code steps}, {@code guidance} (w in [0, 100]), {@code eta} (DDIM's η in
 * [0, 1]), {@code seed}, {@code batchSize} and {@code classifier}, a model section naming the classifier's
 * adapter ({@code {adapter: small-cnn}} by default; a plain value is taken as the adapter name) with that
 * adapter's own keys. The classifier must have a target layer named {@code head}, whose input is the feature
 * vector of the Fréchet distance.
 */
@Component(service = EvaluatorFactory.class, property = PluginFactory.NAME_PROPERTY + "=" + DiffusionQualityEvaluator.NAME,
        configurationPid = "dev.barrier.eval.diffusion.quality")
@Designate(ocd = DiffusionQualityConfiguration.class)
public final class DiffusionQualityFactory implements EvaluatorFactory {

    /** The largest number of samples per class accepted. */
    static final int MAX_SAMPLES_PER_CLASS = 1_000_000;
    /** The largest number of sampling steps accepted; the model's schedule may allow fewer. */
    static final int MAX_STEPS = 100_000;
    /** The largest batch size accepted. */
    static final int MAX_BATCH_SIZE = 1 << 16;

    private final DiffusionQualityConfiguration defaults;

    /** Creates the factory with the defaults from Configuration Admin (or the annotation's). */
    @Activate
    public DiffusionQualityFactory(DiffusionQualityConfiguration defaults) {
        this.defaults = defaults;
    }

    /**
     * Creates an evaluator configured by {@code config}; the classifier's adapter is resolved now, its model is
     * trained or loaded at the first evaluation.
     *
     * @throws dev.barrier.api.config.ConfigurationException if a value is out of range, the classifier adapter
     *         is unknown or is not a classifier with a {@code head} layer
     */
    @Override
    public Evaluator create(ConfigSection config, PluginResolver plugins) {
        int samplesPerClass = config.getInt("samplesPerClass", defaults.samplesPerClass(), 1, MAX_SAMPLES_PER_CLASS);
        SamplingSettings.Sampler sampler = config.getEnum("sampler", SamplingSettings.Sampler.class,
                sampler(defaults.sampler()));
        int steps = config.getInt("steps", defaults.steps(), 1, MAX_STEPS);
        double guidance = config.getDouble("guidance", defaults.guidance(), 0, 100);
        double eta = config.getDouble("eta", defaults.eta(), 0, 1);
        long seed = config.getLong("seed", defaults.seed());
        int batchSize = config.getInt("batchSize", defaults.batchSize(), 1, MAX_BATCH_SIZE);
        ModelAdapter classifier = plugins.create(PluginKind.MODEL, config.section("classifier", "adapter"),
                defaults.classifier_adapter());
        if (classifier.task() != ModelTask.CLASSIFICATION) {
            throw config.error("classifier", "expected a classifier adapter, got '" + classifier.architecture()
                    + "', which makes " + classifier.task().name().toLowerCase(java.util.Locale.ROOT) + " models");
        }
        if (!classifier.layerNames().contains(DiffusionQualityEvaluator.FEATURE_LAYER)) {
            throw config.error("classifier", "expected a classifier with a layer named '"
                    + DiffusionQualityEvaluator.FEATURE_LAYER + "' (its input is the feature vector), got '"
                    + classifier.architecture() + "' with layers " + classifier.layerNames());
        }
        QualitySettings settings = new QualitySettings(samplesPerClass,
                new SamplingSettings(sampler, steps, guidance, eta), seed, batchSize);
        return new DiffusionQualityEvaluator(settings, classifier);
    }

    /**
     * Parses a sampler name from the component configuration.
     *
     * @throws IllegalArgumentException if it is neither ddim nor ddpm
     */
    static SamplingSettings.Sampler sampler(String name) {
        for (SamplingSettings.Sampler sampler : SamplingSettings.Sampler.values()) {
            if (ConfigSection.enumText(sampler).equals(name.trim().toLowerCase(java.util.Locale.ROOT))) {
                return sampler;
            }
        }
        throw new IllegalArgumentException("sampler: unknown sampler '" + name + "'; expected ddim or ddpm");
    }

    @Override
    public String description() {
        return "Sample quality of diffusion models: recognition of generated images by the platform's classifier"
                + " (UA, retain recognition), a Frechet distance in its features, and sample grids";
    }
}

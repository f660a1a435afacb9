package dev.barrier.model.diffusion.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.ModelAdapterFactory;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.nn.TrainingSections;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code latent-diffusion} model adapter plug-in: a PCA codec and an MLP denoiser, small enough to train
 * on a CPU. Section keys: {@code hidden} (denoiser width), {@code blocks} (residual blocks),
 * {@code timeFeatures} (sinusoidal timestep features, even), {@code codec} ({@code type: pca},
 * {@code components}, {@code whiten}; a plain value is taken as the type), {@code schedule} ({@code steps},
 * {@code betaStart}, {@code betaEnd}), {@code classDropout} and a {@code training} subsection ({@code epochs},
 * {@code maxSteps}, {@code batchSize}, {@code optimizer}, {@code learningRate}, {@code momentum},
 * {@code weightDecay}, {@code gradientClip}, {@code seed}).
 *
 * <p>Target layers, in forward order: timeEmbedding, classEmbedding, classProjection, input, block1.fc1,
 * block1.fc2, … and output; by default methods target the fc1 and fc2 layers of every block.
 */
@Component(service = ModelAdapterFactory.class, property = "name=" + LatentArchitecture.NAME,
        configurationPid = LatentDiffusionFactory.PID)
@Designate(ocd = LatentDiffusionConfiguration.class)
public final class LatentDiffusionFactory implements ModelAdapterFactory {

    /** The configuration PID of the component's defaults. */
    static final String PID = "dev.barrier.model.diffusion.latent";
    /** The largest hidden width accepted. */
    static final int MAX_WIDTH = 16_384;
    /** The largest number of residual blocks accepted. */
    static final int MAX_BLOCKS = 64;
    /** The largest number of timestep features accepted. */
    static final int MAX_TIME_FEATURES = 4096;

    private final LatentArchitecture defaults;
    private final double classDropout;
    private final TrainingSettings trainingDefaults;

    /**
     * Takes the defaults from the component configuration.
     *
     * @throws IllegalArgumentException if a default is out of range, so the component fails to activate
     */
    @Activate
    public LatentDiffusionFactory(LatentDiffusionConfiguration configuration) {
        this.defaults = new LatentArchitecture(configuration.hidden(), configuration.blocks(),
                configuration.timeFeatures(), new CodecSettings(configuration.codec_type(),
                        configuration.codec_components(), configuration.codec_whiten()),
                new ScheduleSettings(configuration.schedule_steps(), configuration.schedule_betaStart(),
                        configuration.schedule_betaEnd()));
        this.classDropout = configuration.classDropout();
        this.trainingDefaults = new TrainingSettings(configuration.training_epochs(),
                configuration.training_maxSteps(), configuration.training_batchSize(),
                DiffusionSections.optimizer(configuration.training_optimizer(), "training.optimizer"),
                configuration.training_learningRate(), configuration.training_momentum(),
                configuration.training_weightDecay(), configuration.training_gradientClip(),
                configuration.training_seed());
        // Rejects a class dropout outside [0, 1).
        new DiffusionAdapter(defaults, classDropout, trainingDefaults);
    }

    @Override
    public ModelAdapter create(ConfigSection config, PluginResolver plugins) {
        int hidden = config.getInt("hidden", defaults.hidden(), 1, MAX_WIDTH);
        int blocks = config.getInt("blocks", defaults.blocks(), 1, MAX_BLOCKS);
        int timeFeatures = config.getInt("timeFeatures", defaults.timeFeatures(), 2, MAX_TIME_FEATURES);
        if (timeFeatures % 2 != 0) {
            throw config.error("timeFeatures", "expected an even number (sine and cosine pairs), got " + timeFeatures);
        }
        CodecSettings codec = CodecSettings.read(config.section("codec", "type"), defaults.codec());
        ScheduleSettings schedule = ScheduleSettings.read(config.section("schedule"), defaults.schedule());
        double dropout = DiffusionSections.classDropout(config, classDropout);
        TrainingSettings training = TrainingSections.read(config.section("training"), trainingDefaults);
        return new DiffusionAdapter(new LatentArchitecture(hidden, blocks, timeFeatures, codec, schedule), dropout,
                training);
    }

    @Override
    public String description() {
        return "Latent diffusion model for CPUs: PCA codec, MLP denoiser with time and class embeddings,"
                + " classifier-free guidance, DDPM and DDIM sampling";
    }
}

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
 * The {@code unet-diffusion} model adapter plug-in: a pixel-space conditional UNet with attention, meant for
 * a GPU. Section keys: {@code width} (channels of the first level, even), {@code levels} (resolutions),
 * {@code attention} (the first level with attention blocks, 0 for the middle block only), {@code schedule}
 * ({@code steps}, {@code betaStart}, {@code betaEnd}), {@code classDropout} and a {@code training} subsection
 * ({@code epochs}, {@code maxSteps}, {@code batchSize}, {@code optimizer}, {@code learningRate},
 * {@code momentum}, {@code weightDecay}, {@code gradientClip}, {@code seed}).
 *
 * <p>Target layers are named after their place in the UNet, such as {@code down1.conv1},
 * {@code mid.attention.q} or {@code up2.upsample} (see {@link UnetBlock}); by default methods target the query,
 * key and value projections of the middle attention block.
 */
@Component(service = ModelAdapterFactory.class, property = "name=" + UnetArchitecture.NAME,
        configurationPid = UnetDiffusionFactory.PID)
@Designate(ocd = UnetDiffusionConfiguration.class)
public final class UnetDiffusionFactory implements ModelAdapterFactory {

    /** The configuration PID of the component's defaults. */
    static final String PID = "dev.barrier.model.diffusion.unet";
    /** The largest width accepted. */
    static final int MAX_WIDTH = 4096;
    /** The largest number of levels accepted. */
    static final int MAX_LEVELS = 8;

    private final UnetArchitecture defaults;
    private final double classDropout;
    private final TrainingSettings trainingDefaults;

    /**
     * Takes the defaults from the component configuration.
     *
     * @throws IllegalArgumentException if a default is out of range, so the component fails to activate
     */
    @Activate
    public UnetDiffusionFactory(UnetDiffusionConfiguration configuration) {
        this.defaults = new UnetArchitecture(configuration.width(), configuration.levels(), configuration.attention(),
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
        int width = config.getInt("width", defaults.width(), 2, MAX_WIDTH);
        if (width % 2 != 0) {
            throw config.error("width", "expected an even width (it is also the number of sinusoidal timestep"
                    + " features), got " + width);
        }
        int levels = config.getInt("levels", defaults.levels(), 1, MAX_LEVELS);
        int attention = config.getInt("attention", Math.min(defaults.attention(), levels), 0, levels);
        ScheduleSettings schedule = ScheduleSettings.read(config.section("schedule"), defaults.schedule());
        double dropout = DiffusionSections.classDropout(config, classDropout);
        TrainingSettings training = TrainingSections.read(config.section("training"), trainingDefaults);
        return new DiffusionAdapter(new UnetArchitecture(width, levels, attention, schedule), dropout, training);
    }

    @Override
    public String description() {
        return "Pixel-space conditional UNet diffusion model with attention, for GPUs: classifier-free guidance,"
                + " DDPM and DDIM sampling";
    }
}

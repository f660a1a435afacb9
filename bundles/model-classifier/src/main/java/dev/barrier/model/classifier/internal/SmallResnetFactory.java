package dev.barrier.model.classifier.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.ModelAdapterFactory;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.plugin.PluginResolver;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code small-resnet} model adapter plug-in. Section keys: {@code width} (the channels of the stem and
 * the first stage), {@code stages} (2 or 3) and a {@code training} subsection (see {@link TrainingSection}).
 * Target layers, in forward order: stem, then stageN.conv1, stageN.conv2 and (from stage 2 on)
 * stageN.shortcut for each stage, then head.
 */
@Component(service = ModelAdapterFactory.class, property = "name=" + SmallResnetArchitecture.NAME,
        configurationPid = SmallResnetFactory.PID)
@Designate(ocd = SmallResnetConfiguration.class)
public final class SmallResnetFactory implements ModelAdapterFactory {

    /** The configuration PID of the component's defaults. */
    static final String PID = "dev.barrier.model.classifier.smallresnet";
    /** The largest width accepted. */
    static final int MAX_WIDTH = 1024;

    private final int width;
    private final int stages;
    private final TrainingSettings trainingDefaults;

    /**
     * Takes the defaults from the component configuration.
     *
     * @throws IllegalArgumentException if a default is out of range, so the component fails to activate
     */
    @Activate
    public SmallResnetFactory(SmallResnetConfiguration configuration) {
        this.width = configuration.width();
        this.stages = configuration.stages();
        this.trainingDefaults = new TrainingSettings(configuration.training_epochs(),
                configuration.training_maxSteps(), configuration.training_batchSize(),
                TrainingSection.optimizer(configuration.training_optimizer(), "training.optimizer"),
                configuration.training_learningRate(), configuration.training_momentum(),
                configuration.training_weightDecay(), configuration.training_gradientClip(),
                configuration.training_seed());
        // Rejects defaults that no model could be built with.
        new SmallResnetArchitecture(width, stages);
    }

    @Override
    public ModelAdapter create(ConfigSection config, PluginResolver plugins) {
        int chosenWidth = config.getInt("width", width, 1, MAX_WIDTH);
        int chosenStages = config.getInt("stages", stages, SmallResnetArchitecture.MIN_STAGES,
                SmallResnetArchitecture.MAX_STAGES);
        TrainingSettings training = TrainingSection.read(config.section("training"), trainingDefaults);
        return new ClassifierAdapter(new SmallResnetArchitecture(chosenWidth, chosenStages), training);
    }

    @Override
    public String description() {
        return "Small residual network with batch normalisation: a 3x3 stem, one basic block per stage,"
                + " global average pooling and a Linear head";
    }
}

package dev.barrier.model.classifier.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.model.ModelAdapterFactory;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.plugin.PluginResolver;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code small-cnn} model adapter plug-in. Section keys: {@code channels} (two output channel counts,
 * for conv1 and conv2), {@code hidden} (the width of fc1) and a {@code training} subsection (see
 * {@link TrainingSection}). Target layers, in forward order: conv1, conv2, fc1, head.
 */
@Component(service = ModelAdapterFactory.class, property = "name=" + SmallCnnArchitecture.NAME,
        configurationPid = SmallCnnFactory.PID)
@Designate(ocd = SmallCnnConfiguration.class)
public final class SmallCnnFactory implements ModelAdapterFactory {

    /** The configuration PID of the component's defaults. */
    static final String PID = "dev.barrier.model.classifier.smallcnn";
    /** The largest channel count or width accepted. */
    static final int MAX_WIDTH = 4096;

    private final List<Integer> channels;
    private final int hidden;
    private final TrainingSettings trainingDefaults;

    /**
     * Takes the defaults from the component configuration.
     *
     * @throws IllegalArgumentException if a default is out of range, so the component fails to activate
     */
    @Activate
    public SmallCnnFactory(SmallCnnConfiguration configuration) {
        this.channels = Arrays.stream(configuration.channels()).boxed().toList();
        if (channels.size() != 2) {
            throw new IllegalArgumentException("channels: expected two channel counts (conv1, conv2), got " + channels);
        }
        this.hidden = configuration.hidden();
        this.trainingDefaults = new TrainingSettings(configuration.training_epochs(),
                configuration.training_maxSteps(), configuration.training_batchSize(),
                TrainingSection.optimizer(configuration.training_optimizer(), "training.optimizer"),
                configuration.training_learningRate(), configuration.training_momentum(),
                configuration.training_weightDecay(), configuration.training_gradientClip(),
                configuration.training_seed());
        // Rejects defaults that no model could be built with.
        new SmallCnnArchitecture(channels.get(0), channels.get(1), hidden);
    }

    @Override
    public ModelAdapter create(ConfigSection config, PluginResolver plugins) {
        List<Integer> chosen = config.getIntList("channels", channels);
        if (chosen.size() != 2) {
            throw config.error("channels", "expected two channel counts (conv1, conv2), got " + chosen);
        }
        for (int value : chosen) {
            if (value < 1 || value > MAX_WIDTH) {
                throw config.error("channels", "expected channel counts from 1 to " + MAX_WIDTH + ", got " + chosen);
            }
        }
        int hiddenUnits = config.getInt("hidden", hidden, 1, MAX_WIDTH);
        TrainingSettings training = TrainingSection.read(config.section("training"), trainingDefaults);
        return new ClassifierAdapter(new SmallCnnArchitecture(chosen.get(0), chosen.get(1), hiddenUnits), training);
    }

    @Override
    public String description() {
        return "Small CNN classifier: two 3x3 convolutions with max pooling, a hidden Linear layer and a Linear head";
    }
}

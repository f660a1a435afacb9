package dev.barrier.loss.base.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.loss.BaseLoss;
import dev.barrier.api.loss.BaseLossFactory;
import dev.barrier.api.plugin.PluginResolver;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Base loss {@code rl}: random labels. For classifiers, cross-entropy of the forget batch towards labels
 * drawn uniformly from the other classes ({@code labels: other}, the default) or from all classes
 * ({@code labels: all}, the reference). For diffusion models, the noise prediction conditioned on the forget
 * class is pulled towards the model's own prediction for a fixed other class (detached).
 */
@Component(service = BaseLossFactory.class, property = "name=rl", configurationPid = "dev.barrier.loss.base.rl")
@Designate(ocd = RandomLabelConfiguration.class)
public final class RandomLabelFactory implements BaseLossFactory {

    /** Where random labels are drawn from. */
    enum Labels {
        /** Any class but the true one. */
        OTHER,
        /** Any class, the true one included. */
        ALL
    }

    private final RandomLabelConfiguration defaults;

    /** Creates the factory with its configured defaults. */
    @Activate
    public RandomLabelFactory(RandomLabelConfiguration defaults) {
        this.defaults = defaults;
    }

    @Override
    public BaseLoss create(ConfigSection config, PluginResolver plugins) {
        Labels labels = config.getEnum("labels", Labels.class,
                ConfigSection.enumText(Labels.OTHER).equals(defaults.labels()) ? Labels.OTHER : Labels.ALL);
        int targetClass = config.getInt("targetClass", defaults.targetClass());
        if (targetClass < -1) {
            throw config.error("targetClass", "expected a class index, or -1 for the class after the forgotten one,"
                    + " got " + targetClass);
        }
        return new RandomLabelLoss(labels == Labels.ALL, targetClass);
    }

    @Override
    public String description() {
        return "random labels: cross-entropy towards random other classes (diffusion: towards another class)";
    }
}

package dev.barrier.method.baselines.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.loss.BaseLoss;
import dev.barrier.api.method.UnlearningMethod;
import dev.barrier.api.method.UnlearningMethodFactory;
import dev.barrier.api.model.TrainingSettings;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.nn.TrainingSections;

import org.osgi.service.component.annotations.Component;

/**
 * Creates the forget-loop baselines. Keys: {@code label}, the training keys ({@code epochs},
 * {@code learningRate}, ...), {@code retainEpochs} (a pass of ordinary training on the retain set afterwards),
 * {@code collapseShare} (a classifier predicting one class for more than this share of retain images counts
 * as diverged) and {@code checkEvery} (steps between divergence checks), plus the base loss's own keys under
 * {@code base}.
 */
abstract class ForgetLoopMethodFactory implements UnlearningMethodFactory {

    private final String baseLoss;
    private final String defaultLabel;
    private final TrainingSettings defaults;
    private final int defaultRetainEpochs;

    ForgetLoopMethodFactory(String baseLoss, String defaultLabel, TrainingSettings defaults, int defaultRetainEpochs) {
        this.baseLoss = baseLoss;
        this.defaultLabel = defaultLabel;
        this.defaults = defaults;
        this.defaultRetainEpochs = defaultRetainEpochs;
    }

    @Override
    public UnlearningMethod create(ConfigSection config, PluginResolver plugins) {
        String label = config.getString("label", defaultLabel);
        TrainingSettings training = TrainingSections.read(config, defaults);
        int retainEpochs = config.getInt("retainEpochs", defaultRetainEpochs, 0, 1000);
        double collapseShare = config.getDouble("collapseShare", 0.9, 0.01, 1);
        int checkEvery = config.getInt("checkEvery", 10, 1, 1_000_000);
        ConfigSection baseSection = config.section("base", PluginKind.BASE_LOSS.selectorKey());
        if (baseSection.has(PluginKind.BASE_LOSS.selectorKey())
                && !baseLoss.equals(baseSection.getString(PluginKind.BASE_LOSS.selectorKey()))) {
            throw baseSection.error(PluginKind.BASE_LOSS.selectorKey(), "this method always uses the '" + baseLoss
                    + "' base loss; use the barrier method to combine another base loss with protection");
        }
        BaseLoss base = plugins.create(PluginKind.BASE_LOSS, baseSection, baseLoss);
        return new ForgetLoopMethod(label, base, training, retainEpochs, collapseShare, checkEvery);
    }

    /** Method {@code ga}: gradient ascent on the forget set, all parameters. */
    @Component(service = UnlearningMethodFactory.class, property = "name=ga")
    public static final class GradientAscent extends ForgetLoopMethodFactory {
        /** Creates the factory: 3 epochs, Adam, learning rate 1e-5, batch 128, no retain pass. */
        public GradientAscent() {
            super("ga", "GA", new TrainingSettings(3, 0, 128, TrainingSettings.Optimizer.ADAM, 1e-5, 0.9, 0, 0, 1), 0);
        }

        @Override
        public String description() {
            return "gradient ascent on the forget set, all parameters";
        }
    }

    /** Method {@code rl}: random labels on the forget set, then a retain pass, all parameters. */
    @Component(service = UnlearningMethodFactory.class, property = "name=rl")
    public static final class RandomLabels extends ForgetLoopMethodFactory {
        /** Creates the factory: 3 epochs, Adam, learning rate 1e-4, batch 128, one retain epoch. */
        public RandomLabels() {
            super("rl", "RL", new TrainingSettings(3, 0, 128, TrainingSettings.Optimizer.ADAM, 1e-4, 0.9, 0, 0, 1), 1);
        }

        @Override
        public String description() {
            return "random labels on the forget set, then training on the retain set; all parameters";
        }
    }
}

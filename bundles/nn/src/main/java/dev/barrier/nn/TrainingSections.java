package dev.barrier.nn;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.TrainingSettings;

/**
 * Reads {@link TrainingSettings} from a configuration section, with given defaults for absent keys. Keys:
 * {@code epochs}, {@code maxSteps}, {@code batchSize}, {@code optimizer} (adam or sgd), {@code learningRate},
 * {@code momentum}, {@code weightDecay}, {@code gradientClip}, {@code seed}.
 */
public final class TrainingSections {

    private TrainingSections() {
    }

    /**
     * Reads the settings.
     *
     * @throws dev.barrier.api.config.ConfigurationException naming the key of a value out of range
     */
    public static TrainingSettings read(ConfigSection section, TrainingSettings defaults) {
        int epochs = section.getInt("epochs", defaults.epochs(), 0, 100_000);
        long maxSteps = section.getLong("maxSteps", defaults.maxSteps());
        if (maxSteps < 0) {
            throw section.error("maxSteps", "expected 0 (no limit) or a positive number of steps, got " + maxSteps);
        }
        if (epochs == 0 && maxSteps == 0) {
            throw section.error("epochs", "expected a positive number of epochs, or a positive maxSteps");
        }
        int batchSize = section.getInt("batchSize", defaults.batchSize(), 1, 1_000_000);
        TrainingSettings.Optimizer optimizer = section.getEnum("optimizer", TrainingSettings.Optimizer.class,
                defaults.optimizer());
        double learningRate = section.getDouble("learningRate", defaults.learningRate());
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw section.error("learningRate", "expected a positive learning rate, got " + learningRate);
        }
        double momentum = section.getDouble("momentum", defaults.momentum(), 0, 0.999999);
        double weightDecay = section.getDouble("weightDecay", defaults.weightDecay(), 0, 1e6);
        double gradientClip = section.getDouble("gradientClip", defaults.gradientClip(), 0, 1e12);
        long seed = section.getLong("seed", defaults.seed());
        return new TrainingSettings(epochs, maxSteps, batchSize, optimizer, learningRate, momentum, weightDecay,
                gradientClip, seed);
    }
}

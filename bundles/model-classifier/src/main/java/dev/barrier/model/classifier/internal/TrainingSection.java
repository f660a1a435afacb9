package dev.barrier.model.classifier.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.TrainingSettings;

/**
 * Reads the {@code training} section of a model configuration into {@link TrainingSettings}, taking absent
 * keys from the component configuration's defaults.
 *
 * <p>Keys: {@code epochs}, {@code maxSteps} (0 for no limit), {@code batchSize}, {@code optimizer}
 * ({@code adam} or {@code sgd}), {@code learningRate}, {@code momentum} (SGD only), {@code weightDecay},
 * {@code gradientClip} (the largest global gradient L2 norm, 0 for none) and {@code seed}.
 */
final class TrainingSection {

    /** The largest batch size accepted. */
    static final int MAX_BATCH_SIZE = 65_536;
    /** The largest number of epochs accepted. */
    static final int MAX_EPOCHS = 100_000;

    private TrainingSection() {
    }

    /**
     * Reads and validates the section.
     *
     * @throws dev.barrier.api.config.ConfigurationException naming the key, if a value has the wrong type or
     *                                                       is out of range
     */
    static TrainingSettings read(ConfigSection section, TrainingSettings defaults) {
        int epochs = section.getInt("epochs", defaults.epochs(), 0, MAX_EPOCHS);
        long maxSteps = section.getLong("maxSteps", defaults.maxSteps());
        if (maxSteps < 0) {
            throw section.error("maxSteps", "expected 0 (no limit) or a positive number of steps, got " + maxSteps);
        }
        if (epochs == 0 && maxSteps == 0) {
            throw section.error("epochs", "expected a positive number of epochs or a positive maxSteps, got 0 epochs"
                    + " and maxSteps 0");
        }
        int batchSize = section.getInt("batchSize", defaults.batchSize(), 1, MAX_BATCH_SIZE);
        TrainingSettings.Optimizer optimizer = section.getEnum("optimizer", TrainingSettings.Optimizer.class,
                defaults.optimizer());
        double learningRate = section.getDouble("learningRate", defaults.learningRate());
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw section.error("learningRate", "expected a positive finite number, got " + learningRate);
        }
        double momentum = section.getDouble("momentum", defaults.momentum());
        if (!(momentum >= 0 && momentum < 1)) {
            throw section.error("momentum", "expected a number in [0, 1), got " + momentum);
        }
        double weightDecay = nonNegative(section, "weightDecay", defaults.weightDecay());
        double gradientClip = nonNegative(section, "gradientClip", defaults.gradientClip());
        long seed = section.getLong("seed", defaults.seed());
        return new TrainingSettings(epochs, maxSteps, batchSize, optimizer, learningRate, momentum, weightDecay,
                gradientClip, seed);
    }

    private static double nonNegative(ConfigSection section, String key, double defaultValue) {
        double value = section.getDouble(key, defaultValue);
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw section.error(key, "expected a finite number >= 0, got " + value);
        }
        return value;
    }

    /**
     * Parses an optimiser name as written in configuration files ({@code adam}, {@code sgd}).
     *
     * @throws IllegalArgumentException if the name is neither
     */
    static TrainingSettings.Optimizer optimizer(String name, String property) {
        for (TrainingSettings.Optimizer optimizer : TrainingSettings.Optimizer.values()) {
            if (ConfigSection.enumText(optimizer).equalsIgnoreCase(name.trim())) {
                return optimizer;
            }
        }
        throw new IllegalArgumentException(property + ": unknown optimizer '" + name + "'; expected adam or sgd");
    }
}

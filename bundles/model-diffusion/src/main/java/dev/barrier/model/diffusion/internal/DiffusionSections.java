package dev.barrier.model.diffusion.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.TrainingSettings;

import java.util.Locale;

/** Reads the settings both diffusion adapters share and turns component configuration values into settings. */
final class DiffusionSections {

    private DiffusionSections() {
    }

    /**
     * Reads {@code classDropout}, the probability that training replaces a class by the null class.
     *
     * @throws dev.barrier.api.config.ConfigurationException if it is not in [0, 1)
     */
    static double classDropout(ConfigSection section, double defaultValue) {
        double value = section.getDouble("classDropout", defaultValue);
        if (!(value >= 0 && value < 1)) {
            throw section.error("classDropout", "expected a probability in [0, 1), got " + value);
        }
        return value;
    }

    /**
     * Parses an optimiser name as written in configuration files ({@code adam}, {@code sgd}).
     *
     * @throws IllegalArgumentException if the name is neither; the message names {@code property}
     */
    static TrainingSettings.Optimizer optimizer(String name, String property) {
        for (TrainingSettings.Optimizer optimizer : TrainingSettings.Optimizer.values()) {
            if (ConfigSection.enumText(optimizer).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return optimizer;
            }
        }
        throw new IllegalArgumentException(property + ": unknown optimizer '" + name + "'; expected adam or sgd");
    }
}

package dev.barrier.runtime.internal.scenario;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ForgetSplit;

import java.util.Locale;

/**
 * Chooses the forget set from the training set: whole classes, a seeded random fraction, or an explicit list
 * of sample indices read from a file.
 */
public interface ForgetScenario {

    /**
     * Splits the data.
     *
     * @param seed the run seed, used by random scenarios
     * @throws IllegalArgumentException if the scenario does not fit the data (a class index out of range, an
     *         index file naming samples that do not exist); the message names the value and the valid range
     */
    ForgetSplit split(DatasetSplits data, long seed);

    /** Returns a short description, such as {@code class 0} or {@code random 10%}. */
    String describe();

    /**
     * Checks the scenario against the number of classes the dataset is known to have, before any data is
     * read. The default accepts any count.
     *
     * @throws dev.barrier.api.config.ConfigurationException naming the key whose value does not fit
     */
    default void checkClassCount(int classCount) {
    }

    /** The scenario kinds a pipeline file can name under {@code forget.scenario}. */
    enum Kind {
        /** Whole classes: {@code classes: [0]}. */
        CLASS,
        /** A random fraction of the training set: {@code fraction: 0.1}. */
        RANDOM,
        /** Sample indices from a text file, one per line: {@code file: delete-requests.txt}. */
        INDICES
    }

    /**
     * Reads the {@code forget} section of a pipeline file.
     *
     * @throws dev.barrier.api.config.ConfigurationException naming the offending key
     */
    static ForgetScenario fromConfig(ConfigSection section) {
        Kind kind = section.getEnum("scenario", Kind.class, null);
        if (kind == null) {
            throw section.error("scenario", "missing required key 'scenario'; expected one of class, random, indices");
        }
        switch (kind) {
            case CLASS:
                return ClassScenario.fromConfig(section);
            case RANDOM:
                return RandomScenario.fromConfig(section);
            default:
                return IndexFileScenario.fromConfig(section);
        }
    }

    /** Formats a fraction as a percentage for descriptions. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.4g%%", fraction * 100).replaceAll("\\.?0+%$", "%");
    }
}

package dev.barrier.api.plugin;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates configured plug-in instances. Each plug-in kind has its own sub-interface, under which the
 * factory is registered as an OSGi service with a {@value #NAME_PROPERTY} property.
 *
 * @param <T> the type of the instances this factory creates
 */
@ConsumerType
public interface PluginFactory<T> {

    /** The service property that holds the name users write in pipeline files. */
    String NAME_PROPERTY = "name";

    /**
     * Creates an instance configured by {@code config}. The factory reads every key it understands through
     * {@code config}'s accessors (so that unknown keys can be reported), validates all values, and does no
     * heavy work: no data loading, no training, no native allocation.
     *
     * @param config  the plug-in's section of the pipeline file (possibly empty)
     * @param plugins resolves nested plug-ins that this one is composed of
     * @return a new instance; never null
     * @throws ConfigurationException if a value is missing, of the wrong type or out of range
     */
    T create(ConfigSection config, PluginResolver plugins);

    /** Returns a one-line description for listings; empty by default. */
    default String description() {
        return "";
    }
}

package dev.barrier.api.plugin;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Creates plug-in instances by name; given to factories so that a plug-in can be composed of others. */
@ProviderType
public interface PluginResolver {

    /**
     * Creates the plug-in named by {@code section}'s selector key (for example {@code strategy} for a
     * projection), configured by the rest of the section.
     *
     * @throws ConfigurationException if the name is missing or unknown (the message quotes it and lists the
     *         names available for that kind), or if the plug-in rejects its configuration
     */
    <T> T create(PluginKind<T> kind, ConfigSection section);

    /**
     * Like {@link #create(PluginKind, ConfigSection)}, with {@code defaultName} used when the section does
     * not name a plug-in.
     */
    <T> T create(PluginKind<T> kind, ConfigSection section, String defaultName);

    /** Returns the names of the plug-ins of {@code kind} that are installed now, sorted. */
    List<String> names(PluginKind<?> kind);
}

package dev.barrier.runtime.internal.plugin;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.plugin.PluginFactory;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.plugin.PluginResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Creates plug-in instances by name from the factories a source offers for each kind, with the error
 * messages users see: an unknown name is quoted and the available names of that kind are listed, and a
 * factory's {@link IllegalArgumentException} is turned into a {@link ConfigurationException} located at the
 * section.
 */
public final class PluginDirectory implements PluginResolver {

    private final Function<PluginKind<?>, Map<String, PluginFactory<?>>> source;

    /**
     * Creates a directory.
     *
     * @param source returns the factories of a kind by name, sorted by name
     */
    public PluginDirectory(Function<PluginKind<?>, Map<String, PluginFactory<?>>> source) {
        this.source = source;
    }

    @Override
    public List<String> names(PluginKind<?> kind) {
        return new ArrayList<>(source.apply(kind).keySet());
    }

    @Override
    public <T> T create(PluginKind<T> kind, ConfigSection section) {
        return create(kind, section, null);
    }

    @Override
    public <T> T create(PluginKind<T> kind, ConfigSection section, String defaultName) {
        try {
            return createChecked(kind, section, defaultName);
        } catch (ConfigurationException e) {
            section.abandon();
            throw e;
        }
    }

    private <T> T createChecked(PluginKind<T> kind, ConfigSection section, String defaultName) {
        String key = kind.selectorKey();
        String name = defaultName == null ? section.getString(key) : section.getString(key, defaultName);
        PluginFactory<?> factory = source.apply(kind).get(name);
        if (factory == null) {
            List<String> available = names(kind);
            throw section.error(key, "unknown " + kind + " plug-in '" + name + "'; "
                    + (available.isEmpty() ? "no " + kind + " plug-ins are installed"
                            : "available: " + String.join(", ", available)));
        }
        Object instance;
        try {
            instance = factory.create(section, this);
        } catch (ConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw section.error(key, kind + " plug-in '" + name + "' rejected its configuration: " + e.getMessage());
        }
        if (instance == null) {
            throw new IllegalStateException(kind + " plug-in '" + name + "' returned no instance");
        }
        if (!kind.productType().isInstance(instance)) {
            throw new IllegalStateException(kind + " plug-in '" + name + "' returned a "
                    + instance.getClass().getName() + ", not a " + kind.productType().getName());
        }
        return kind.productType().cast(instance);
    }
}

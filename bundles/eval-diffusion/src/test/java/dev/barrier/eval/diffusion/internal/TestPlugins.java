package dev.barrier.eval.diffusion.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.config.ConfigurationException;
import dev.barrier.api.model.ModelAdapter;
import dev.barrier.api.plugin.PluginKind;
import dev.barrier.api.plugin.PluginResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** A plug-in resolver for tests that creates model adapters by name, as the runtime's registry does. */
final class TestPlugins implements PluginResolver {

    private final Map<String, Function<ConfigSection, ModelAdapter>> adapters = new TreeMap<>();

    /** Registers a model adapter factory under {@code name}. */
    TestPlugins model(String name, Function<ConfigSection, ModelAdapter> factory) {
        adapters.put(name, factory);
        return this;
    }

    @Override
    public <T> T create(PluginKind<T> kind, ConfigSection section) {
        return create(kind, section, null);
    }

    @Override
    public <T> T create(PluginKind<T> kind, ConfigSection section, String defaultName) {
        if (!kind.equals(PluginKind.MODEL)) {
            throw new UnsupportedOperationException("the test resolver knows only model adapters, not " + kind);
        }
        String name = section.getString(kind.selectorKey(), defaultName);
        Function<ConfigSection, ModelAdapter> factory = adapters.get(name);
        if (factory == null) {
            throw section.error(kind.selectorKey(), "unknown model adapter '" + name + "'; available: "
                    + String.join(", ", adapters.keySet()));
        }
        return kind.productType().cast(factory.apply(section));
    }

    @Override
    public List<String> names(PluginKind<?> kind) {
        return kind.equals(PluginKind.MODEL) ? new ArrayList<>(adapters.keySet()) : List.of();
    }

    /** Returns whether {@code error} names {@code path} and contains {@code fragment}. */
    static boolean mentions(ConfigurationException error, String path, String fragment) {
        return error.getMessage().contains(path) && error.getMessage().contains(fragment);
    }
}

package dev.barrier.api.plugin;

/**
 * An installed plug-in, as listed by {@link PluginCatalog}.
 *
 * @param kind          the plug-in kind
 * @param name          the name pipeline files use
 * @param description   a one-line description, possibly empty
 * @param bundle        the symbolic name of the bundle that registered it
 * @param bundleVersion that bundle's version
 */
public record PluginDescriptor(PluginKind<?> kind, String name, String description, String bundle,
        String bundleVersion) {
}

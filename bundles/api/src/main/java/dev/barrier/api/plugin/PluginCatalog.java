package dev.barrier.api.plugin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The plug-ins installed right now. The runtime tracks services as bundles come and go, so two calls may
 * return different lists.
 */
@ProviderType
public interface PluginCatalog extends PluginResolver {

    /** Returns every installed plug-in, ordered by kind (pipeline order) and then by name. */
    List<PluginDescriptor> plugins();
}

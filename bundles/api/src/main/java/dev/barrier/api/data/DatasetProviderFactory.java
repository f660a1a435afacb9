package dev.barrier.api.data;

import dev.barrier.api.plugin.PluginFactory;

import org.osgi.annotation.versioning.ConsumerType;

/** The service interface of dataset provider plug-ins. */
@ConsumerType
public interface DatasetProviderFactory extends PluginFactory<DatasetProvider> {
}

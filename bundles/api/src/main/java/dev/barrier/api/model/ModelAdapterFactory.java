package dev.barrier.api.model;

import dev.barrier.api.plugin.PluginFactory;

import org.osgi.annotation.versioning.ConsumerType;

/** The service interface of model adapter plug-ins. */
@ConsumerType
public interface ModelAdapterFactory extends PluginFactory<ModelAdapter> {
}

package dev.barrier.api.loss;

import dev.barrier.api.plugin.PluginFactory;

import org.osgi.annotation.versioning.ConsumerType;

/** The service interface of base loss plug-ins. */
@ConsumerType
public interface BaseLossFactory extends PluginFactory<BaseLoss> {
}

package dev.barrier.api.loss;

import dev.barrier.api.plugin.PluginFactory;

import org.osgi.annotation.versioning.ConsumerType;

/** The service interface of protection loss plug-ins. */
@ConsumerType
public interface ProtectionLossFactory extends PluginFactory<ProtectionLoss> {
}

package dev.barrier.api.method;

import dev.barrier.api.plugin.PluginFactory;

import org.osgi.annotation.versioning.ConsumerType;

/** The service interface of unlearning method plug-ins. */
@ConsumerType
public interface UnlearningMethodFactory extends PluginFactory<UnlearningMethod> {
}

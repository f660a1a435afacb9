package dev.barrier.api.activation;

import dev.barrier.api.plugin.PluginFactory;

import org.osgi.annotation.versioning.ConsumerType;

/** The service interface of activation extractor plug-ins. */
@ConsumerType
public interface ActivationExtractorFactory extends PluginFactory<ActivationExtractor> {
}

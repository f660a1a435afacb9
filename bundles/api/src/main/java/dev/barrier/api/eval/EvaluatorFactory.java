package dev.barrier.api.eval;

import dev.barrier.api.plugin.PluginFactory;

import org.osgi.annotation.versioning.ConsumerType;

/** The service interface of evaluator plug-ins. */
@ConsumerType
public interface EvaluatorFactory extends PluginFactory<Evaluator> {
}

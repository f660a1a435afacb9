package dev.barrier.api.projection;

import dev.barrier.api.plugin.PluginFactory;

import org.osgi.annotation.versioning.ConsumerType;

/** The service interface of projection strategy plug-ins. */
@ConsumerType
public interface ProjectionStrategyFactory extends PluginFactory<ProjectionStrategy> {
}

package dev.barrier.api.region;

import dev.barrier.api.plugin.PluginFactory;

import org.osgi.annotation.versioning.ConsumerType;

/** The service interface of region builder plug-ins. */
@ConsumerType
public interface RegionBuilderFactory extends PluginFactory<RegionBuilder> {
}

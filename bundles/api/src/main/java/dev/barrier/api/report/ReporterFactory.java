package dev.barrier.api.report;

import dev.barrier.api.plugin.PluginFactory;

import org.osgi.annotation.versioning.ConsumerType;

/** The service interface of reporter plug-ins. */
@ConsumerType
public interface ReporterFactory extends PluginFactory<Reporter> {
}

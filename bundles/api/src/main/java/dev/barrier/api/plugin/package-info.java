/**
 * The plug-in model.
 *
 * <p>Every step of a pipeline is provided by a plug-in: an OSGi service that implements the factory
 * interface of its {@link dev.barrier.api.plugin.PluginKind kind} and carries a {@code name} service
 * property. A pipeline file selects a plug-in by that name; the runtime asks the factory for an instance
 * configured by the matching section of the file. Factories are expected to be cheap and side-effect free,
 * because the runtime creates every instance up front to validate a file before any work starts.
 */
@Export
@Version("1.0.0")
package dev.barrier.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

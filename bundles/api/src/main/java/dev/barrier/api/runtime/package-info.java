/**
 * Running pipelines: the services the runtime provides ({@link dev.barrier.api.runtime.PipelineRunner}) and
 * the context it gives plug-ins while a run is in progress ({@link dev.barrier.api.runtime.RunContext}).
 */
@Export
@Version("1.0.0")
package dev.barrier.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

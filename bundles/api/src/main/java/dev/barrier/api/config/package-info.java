/**
 * The pipeline configuration model.
 *
 * <p>A pipeline file is YAML. The runtime parses it into a tree of {@link dev.barrier.api.config.ConfigSection}s
 * that remember where each value came from (file, line and column), so a plug-in that rejects a value can
 * name the exact place. Each section records the values that plug-ins read, including defaults, which is
 * how a run folder can hold the configuration that was actually used.
 */
@Export
@Version("1.1.0")
package dev.barrier.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

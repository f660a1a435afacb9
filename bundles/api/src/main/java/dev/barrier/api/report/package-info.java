/**
 * Run results and the reporters that write them: the runtime always writes {@code metrics.json}; reporter
 * plug-ins add readable summaries and plots to the run folder.
 */
@Export
@Version("1.0.0")
package dev.barrier.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

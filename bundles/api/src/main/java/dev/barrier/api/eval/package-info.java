/**
 * Evaluators: they measure a model (the original, or the result of a method) and return named metrics
 * that reporters put in tables and plots.
 */
@Export
@Version("1.0.0")
package dev.barrier.api.eval;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

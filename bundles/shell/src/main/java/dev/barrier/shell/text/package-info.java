/**
 * Plain-text rendering of plug-in lists, runs and results, shared by the Gogo commands and the
 * {@code bin/barrier} command line so that both print the same tables.
 */
@Export
@Version("1.1.0")
package dev.barrier.shell.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

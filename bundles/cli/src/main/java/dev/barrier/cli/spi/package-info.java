/**
 * The contract between the {@code bin/barrier} launcher, which lives on the class path, and the bundle that
 * carries out its commands inside the framework. The launcher exports this package through the system
 * bundle, so both sides load the same classes.
 */
@Export
@Version("1.0.0")
package dev.barrier.cli.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

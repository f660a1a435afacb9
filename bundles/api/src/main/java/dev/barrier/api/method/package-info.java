/**
 * Unlearning methods: BARRIER and the baselines it is compared with (retraining, fine-tuning, gradient
 * ascent, random labels). A pipeline runs several methods on the same original model and data so that they
 * are measured side by side.
 */
@Export
@Version("1.0.0")
package dev.barrier.api.method;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

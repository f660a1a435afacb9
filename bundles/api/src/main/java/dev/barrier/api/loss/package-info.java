/**
 * Losses of the unlearning loop: base losses that drive forgetting (gradient ascent, random labels,
 * fine-tuning) and protection losses that penalise changes of the target layers around the forget data.
 */
@Export
@Version("1.0.0")
package dev.barrier.api.loss;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * Building blocks for model adapters and unlearning methods on DJL: image batches from dataset subsets,
 * networks assembled from named blocks whose layer inputs can be tapped, a self-describing model file
 * format, optimisers from {@link dev.barrier.api.model.TrainingSettings}, and an optimiser step that clips
 * gradients over the trained parameters only and detects non-finite losses and weights.
 */
@Export
@Version("1.1.0")
package dev.barrier.nn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

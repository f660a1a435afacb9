/**
 * Model adapters for image classifiers, {@code small-cnn} and {@code small-resnet}: the networks, their
 * training loop with softmax cross-entropy, and the factories that read their configuration sections.
 *
 * <p>Both networks normalise their input inside the forward pass with fixed constants, (x − 0.5) / 0.25, so
 * callers pass images with values in [0, 1] and saved models need no separate preprocessing settings.
 */
package dev.barrier.model.classifier.internal;

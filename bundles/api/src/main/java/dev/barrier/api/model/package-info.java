/**
 * Models and the adapters that build, train, save and load them.
 *
 * <p>A {@link dev.barrier.api.model.NetworkModel} is a DJL block with named target layers (Linear and
 * Conv2d) whose inputs can be observed during a forward pass through a {@link dev.barrier.api.model.LayerTap}.
 * A {@link dev.barrier.api.model.ModelAdapter} knows one family of models: how to create one for a dataset,
 * how to train it, which loss it is trained with, and how to feed it data when collecting activations.
 */
@Export
@Version("1.0.0")
package dev.barrier.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

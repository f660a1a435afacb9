package dev.barrier.api.model;

import ai.djl.ndarray.NDArray;

import org.osgi.annotation.versioning.ConsumerType;

/** A network that maps images to class logits. */
@ConsumerType
public interface Classifier extends NetworkModel {

    /**
     * Runs a forward pass.
     *
     * @param images   float32 images [B, C, H, W] with values in [0, 1]; the model normalises them itself
     * @param training whether layers such as batch normalisation and dropout run in training mode
     * @param tap      receives the inputs of the target layers, or null
     * @return logits [B, numClasses]
     */
    NDArray logits(NDArray images, boolean training, LayerTap tap);
}

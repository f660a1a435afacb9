package dev.barrier.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Objects;

/**
 * One batch of images and labels, owned by its own manager; closing the batch frees everything created in
 * that manager.
 */
public final class Batch implements AutoCloseable {

    private final NDManager manager;
    private final NDArray images;
    private final NDArray labels;
    private final int[] datasetIndices;

    /**
     * Creates a batch.
     *
     * @param manager        the manager that owns the arrays (closed with the batch)
     * @param images         float32 images [B, C, H, W] in [0, 1]
     * @param labels         int64 labels [B]
     * @param datasetIndices the dataset index of each image
     */
    public Batch(NDManager manager, NDArray images, NDArray labels, int[] datasetIndices) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.images = Objects.requireNonNull(images, "images");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.datasetIndices = Objects.requireNonNull(datasetIndices, "datasetIndices");
    }

    /** Returns the manager that owns this batch; temporaries of a step may be attached to it. */
    public NDManager manager() {
        return manager;
    }

    /** Returns float32 images [B, C, H, W] in [0, 1]. */
    public NDArray images() {
        return images;
    }

    /** Returns int64 labels [B]. */
    public NDArray labels() {
        return labels;
    }

    /** Returns the dataset index of each image; do not modify. */
    public int[] datasetIndices() {
        return datasetIndices;
    }

    /** Returns the number of images. */
    public int size() {
        return datasetIndices.length;
    }

    @Override
    public void close() {
        manager.close();
    }
}

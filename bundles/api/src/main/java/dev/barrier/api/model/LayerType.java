package dev.barrier.api.model;

/** The layer types a configuration can target. */
public enum LayerType {
    /** A fully connected layer: weight [out, in], bias [out]. */
    LINEAR,
    /** A 2-D convolution: weight [out, in / groups, kH, kW], bias [out]. */
    CONV2D
}

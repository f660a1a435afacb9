package dev.barrier.api.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A targetable layer of a model and the shape of its linear map.
 *
 * @param name        the layer name used in configurations, such as {@code conv2} or {@code head}
 * @param type        Linear or Conv2d
 * @param inFeatures  input width (Linear) or input channels (Conv2d)
 * @param outFeatures output width (Linear) or output channels (Conv2d)
 * @param kernel      kernel height and width; {@code {1, 1}} for Linear
 * @param stride      stride; {@code {1, 1}} for Linear
 * @param padding     zero padding on each side; {@code {0, 0}} for Linear
 * @param dilation    dilation; {@code {1, 1}} for Linear
 * @param groups      convolution groups; 1 for Linear
 * @param hasBias     whether the layer adds a bias
 */
public record LayerInfo(String name, LayerType type, int inFeatures, int outFeatures, int[] kernel, int[] stride,
        int[] padding, int[] dilation, int groups, boolean hasBias) {

    /** Checks the values. */
    public LayerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (inFeatures <= 0 || outFeatures <= 0 || groups <= 0) {
            throw new IllegalArgumentException("layer " + name + ": widths and groups must be positive");
        }
        if (inFeatures % groups != 0 || outFeatures % groups != 0) {
            throw new IllegalArgumentException("layer " + name + ": " + groups + " groups do not divide "
                    + inFeatures + " input and " + outFeatures + " output channels");
        }
        kernel = kernel.clone();
        stride = stride.clone();
        padding = padding.clone();
        dilation = dilation.clone();
    }

    /** Describes a Linear layer. */
    public static LayerInfo linear(String name, int inFeatures, int outFeatures, boolean hasBias) {
        return new LayerInfo(name, LayerType.LINEAR, inFeatures, outFeatures, new int[] {1, 1}, new int[] {1, 1},
                new int[] {0, 0}, new int[] {1, 1}, 1, hasBias);
    }

    /** Describes a Conv2d layer. */
    public static LayerInfo conv2d(String name, int inChannels, int outChannels, int[] kernel, int[] stride,
            int[] padding, int[] dilation, int groups, boolean hasBias) {
        return new LayerInfo(name, LayerType.CONV2D, inChannels, outChannels, kernel, stride, padding, dilation,
                groups, hasBias);
    }

    @Override
    public int[] kernel() {
        return kernel.clone();
    }

    @Override
    public int[] stride() {
        return stride.clone();
    }

    @Override
    public int[] padding() {
        return padding.clone();
    }

    @Override
    public int[] dilation() {
        return dilation.clone();
    }

    /** Returns whether this is a convolution with a kernel larger than 1x1. */
    public boolean isSpatialConvolution() {
        return type == LayerType.CONV2D && (kernel[0] > 1 || kernel[1] > 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LayerInfo o && name.equals(o.name) && type == o.type && inFeatures == o.inFeatures
                && outFeatures == o.outFeatures && Arrays.equals(kernel, o.kernel) && Arrays.equals(stride, o.stride)
                && Arrays.equals(padding, o.padding) && Arrays.equals(dilation, o.dilation) && groups == o.groups
                && hasBias == o.hasBias;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, inFeatures, outFeatures, Arrays.hashCode(kernel), groups);
    }

    @Override
    public String toString() {
        if (type == LayerType.LINEAR) {
            return name + ": Linear(" + inFeatures + " -> " + outFeatures + ")";
        }
        return name + ": Conv2d(" + inFeatures + " -> " + outFeatures + ", kernel " + kernel[0] + "x" + kernel[1]
                + ", stride " + stride[0] + "x" + stride[1] + ", padding " + padding[0] + "x" + padding[1]
                + (dilation[0] != 1 || dilation[1] != 1 ? ", dilation " + dilation[0] + "x" + dilation[1] : "")
                + (groups != 1 ? ", groups " + groups : "") + ")";
    }
}

package dev.barrier.extractor.conv.patch.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.LayerType;

/**
 * Views a Conv2d layer as a linear map on patch rows (im2col): one row per output position holding the
 * zero-padded input patch that the kernel covers there, in (C_in / groups, kH, kW) order. That is the order
 * of the weight [C_out, C_in / groups, kH, kW] reshaped to [C_out, C_in / groups · kH · kW]. So the layer's
 * output at every position is exactly that matrix times the row plus the bias, whatever the kernel, stride,
 * padding and dilation. A grouped convolution is one map per group, on the group's input channels and to the
 * group's output channels.
 *
 * <p>Rows are built from DJL operations (zero padding, one strided slice per kernel tap, stack, transpose,
 * reshape), so they run on the input's device. They take kH·kW times the input's memory.
 *
 * <p>Failure contract: methods throw {@link IllegalArgumentException} naming the layer when it is not a
 * Conv2d, the group is out of range, the input is too small for the kernel, or an array's shape does not
 * fit. Stateless and thread-safe.
 */
final class ConvPatchExtractor implements ActivationExtractor {

    /** The name pipeline files use. */
    static final String NAME = "conv-patch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkSupported(LayerInfo layer) {
        if (layer.type() != LayerType.CONV2D) {
            throw new IllegalArgumentException("extractor '" + NAME + "' handles Conv2d layers only, but layer "
                    + layer + " is not one; use the linear extractor for Linear layers");
        }
    }

    @Override
    public int groups(LayerInfo layer) {
        checkSupported(layer);
        return layer.groups();
    }

    /** Returns C_in / groups · kH · kW. */
    @Override
    public int rowWidth(LayerInfo layer) {
        checkSupported(layer);
        int[] kernel = layer.kernel();
        return layer.inFeatures() / layer.groups() * kernel[0] * kernel[1];
    }

    @Override
    public int outputWidth(LayerInfo layer) {
        checkSupported(layer);
        return layer.outFeatures() / layer.groups();
    }

    /**
     * Unfolds the input into one patch row per output position for one group.
     *
     * @param layerInput [B, C_in, H, W]
     * @return [B·OH·OW, C_in / groups · kH · kW], rows in (b, oh, ow) order, the order of the layer's output
     *         positions
     */
    @Override
    public NDArray rows(LayerInfo layer, NDArray layerInput, int group) {
        checkGroup(layer, group);
        Shape shape = layerInput.getShape();
        if (shape.dimension() != 4 || shape.get(1) != layer.inFeatures()) {
            throw new IllegalArgumentException("layer " + layer.name() + ": expected input [B, " + layer.inFeatures()
                    + ", H, W], got " + shape);
        }
        int[] kernel = layer.kernel();
        int[] stride = layer.stride();
        int[] padding = layer.padding();
        int[] dilation = layer.dilation();
        long outHeight = outputSize(layer, shape.get(2), 0);
        long outWidth = outputSize(layer, shape.get(3), 1);

        int channels = layer.inFeatures() / layer.groups();
        NDArray input = layer.groups() == 1 ? layerInput
                : layerInput.get(new NDIndex(":, {}:{}", group * channels, (group + 1) * channels));
        if (padding[0] > 0 || padding[1] > 0) {
            // DJL's pad lists (before, after) pairs from the last axis backwards, as torch's constant_pad_nd does.
            input = input.pad(new Shape(padding[1], padding[1], padding[0], padding[0]), 0);
        }

        // Tap (i, j) of output position (oh, ow) reads padded pixel (oh·s + i·d, ow·s + j·d).
        NDList taps = new NDList(kernel[0] * kernel[1]);
        for (int i = 0; i < kernel[0]; i++) {
            for (int j = 0; j < kernel[1]; j++) {
                long top = (long) i * dilation[0];
                long left = (long) j * dilation[1];
                taps.add(input.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", top, top + (outHeight - 1) * stride[0] + 1,
                        stride[0], left, left + (outWidth - 1) * stride[1] + 1, stride[1])));
            }
        }
        // [B, C, kH·kW, OH, OW] -> [B, OH, OW, C, kH·kW]: the flattened (C, kH, kW) order of the weight.
        NDArray stacked = NDArrays.stack(taps, 2);
        return stacked.transpose(0, 3, 4, 1, 2).reshape(-1, rowWidth(layer));
    }

    /**
     * Returns one group's weight as a matrix.
     *
     * @param weight [C_out, C_in / groups, kH, kW]
     * @return [C_out / groups, C_in / groups · kH · kW], a differentiable view of the weight
     */
    @Override
    public NDArray weightMatrix(LayerInfo layer, NDArray weight, int group) {
        checkGroup(layer, group);
        int[] kernel = layer.kernel();
        Shape expected = new Shape(layer.outFeatures(), layer.inFeatures() / layer.groups(), kernel[0], kernel[1]);
        if (!weight.getShape().equals(expected)) {
            throw new IllegalArgumentException("layer " + layer.name() + ": expected weight " + expected + ", got "
                    + weight.getShape());
        }
        int outputs = outputWidth(layer);
        NDArray groupWeight = layer.groups() == 1 ? weight
                : weight.get(new NDIndex("{}:{}", group * outputs, (group + 1) * outputs));
        return groupWeight.reshape(outputs, rowWidth(layer));
    }

    /** Returns one group's slice of the bias [C_out / groups]. */
    @Override
    public NDArray biasVector(LayerInfo layer, NDArray bias, int group) {
        checkGroup(layer, group);
        Shape expected = new Shape(layer.outFeatures());
        if (!bias.getShape().equals(expected)) {
            throw new IllegalArgumentException("layer " + layer.name() + ": expected bias " + expected + ", got "
                    + bias.getShape());
        }
        int outputs = outputWidth(layer);
        return bias.get(new NDIndex("{}:{}", group * outputs, (group + 1) * outputs));
    }

    /**
     * Returns the number of output positions along one axis: ⌊(size + 2p − d(k − 1) − 1) / s⌋ + 1.
     *
     * @throws IllegalArgumentException if the padded input is smaller than the dilated kernel
     */
    private static long outputSize(LayerInfo layer, long size, int axis) {
        int kernel = layer.kernel()[axis];
        int stride = layer.stride()[axis];
        int padding = layer.padding()[axis];
        int dilation = layer.dilation()[axis];
        long span = (long) dilation * (kernel - 1) + 1;
        long padded = size + 2L * padding;
        if (padded < span) {
            throw new IllegalArgumentException("layer " + layer + ": input " + (axis == 0 ? "height " : "width ")
                    + size + " with padding " + padding + " is smaller than the dilated kernel span " + span);
        }
        return (padded - span) / stride + 1;
    }

    private static void checkGroup(LayerInfo layer, int group) {
        if (layer.type() != LayerType.CONV2D) {
            throw new IllegalArgumentException("extractor '" + NAME + "' handles Conv2d layers only, but layer "
                    + layer + " is not one; use the linear extractor for Linear layers");
        }
        if (group < 0 || group >= layer.groups()) {
            throw new IllegalArgumentException("layer " + layer.name() + " has " + layer.groups()
                    + " group(s); expected a group from 0 to " + (layer.groups() - 1) + ", got " + group);
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}

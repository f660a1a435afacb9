package dev.barrier.extractor.conv.channel.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.LayerType;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Views a Conv2d layer as a linear map on channel rows: one row per input pixel holding its C_in / groups
 * channel values, [B, C, H, W] becoming [B·H·W, C / groups] per group. The matrix acting on a row is the
 * kernel tap that a 1x1 input image meets, tap (padding / dilation) on each axis, which is how the method's
 * reference implementation evaluates its loss (it convolves 1x1 "images"). A layer is supported when the
 * padded 1x1 image gives exactly one output position, as with "same" padding (p = d·(k − 1) / 2).
 *
 * <p>That view is exact for 1x1 kernels. Note: for larger kernels only that one tap is constrained, the
 * centre tap for the usual "same" padding. The other taps receive no gradient from a protection loss and stay
 * unprotected. {@link #limitation} returns a note about it, and {@link #checkSupported} logs that note as a
 * warning. The
 * {@code conv-patch} extractor is exact for any kernel. Other paddings (such as padding 0 on a 3x3 kernel, where a 1x1
 * image gives no output at all) are rejected.
 *
 * <p>Failure contract: methods throw {@link IllegalArgumentException} naming the layer when it is not a
 * Conv2d, has no such tap, the group is out of range, or an array's shape does not fit. Stateless and
 * thread-safe.
 */
final class ConvChannelExtractor implements ActivationExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(ConvChannelExtractor.class);

    /** The name pipeline files use. */
    static final String NAME = "conv-channel";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkSupported(LayerInfo layer) {
        checkConvolution(layer);
        centreTap(layer);
        limitation(layer).ifPresent(note -> LOG.warn("{}", note));
    }

    @Override
    public int groups(LayerInfo layer) {
        checkConvolution(layer);
        return layer.groups();
    }

    @Override
    public int rowWidth(LayerInfo layer) {
        checkConvolution(layer);
        return layer.inFeatures() / layer.groups();
    }

    @Override
    public int outputWidth(LayerInfo layer) {
        checkConvolution(layer);
        return layer.outFeatures() / layer.groups();
    }

    /**
     * Turns the input into one row per pixel for one group.
     *
     * @param layerInput [B, C_in, H, W]
     * @return [B·H·W, C_in / groups], rows in (b, h, w) order
     */
    @Override
    public NDArray rows(LayerInfo layer, NDArray layerInput, int group) {
        checkGroup(layer, group);
        Shape shape = layerInput.getShape();
        if (shape.dimension() != 4 || shape.get(1) != layer.inFeatures()) {
            throw new IllegalArgumentException("layer " + layer.name() + ": expected input [B, " + layer.inFeatures()
                    + ", H, W], got " + shape);
        }
        int width = rowWidth(layer);
        NDArray channels = layer.groups() == 1 ? layerInput
                : layerInput.get(new NDIndex(":, {}:{}", group * width, (group + 1) * width));
        return channels.transpose(0, 2, 3, 1).reshape(-1, width);
    }

    /**
     * Returns the kernel tap a 1x1 image meets, for one group's output channels.
     *
     * @param weight [C_out, C_in / groups, kH, kW]
     * @return [C_out / groups, C_in / groups], a differentiable slice of the weight
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
        int[] tap = centreTap(layer);
        int outputs = outputWidth(layer);
        return weight.get(new NDIndex("{}:{}, :, {}, {}", group * outputs, (group + 1) * outputs, tap[0], tap[1]));
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

    @Override
    public Optional<String> limitation(LayerInfo layer) {
        if (layer.type() != LayerType.CONV2D || !layer.isSpatialConvolution()) {
            return Optional.empty();
        }
        int[] kernel = layer.kernel();
        int[] tap;
        try {
            tap = centreTap(layer);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        boolean centre = 2 * tap[0] == kernel[0] - 1 && 2 * tap[1] == kernel[1] - 1;
        return Optional.of("layer " + layer.name() + ": channel rows of a " + kernel[0] + "x" + kernel[1]
                + " convolution constrain only the " + (centre ? "centre tap" : "kernel tap") + " (" + tap[0] + ", "
                + tap[1] + "); the other "
                + (kernel[0] * kernel[1] - 1) + " taps are unprotected. Use the conv-patch extractor to protect"
                + " every tap.");
    }

    /**
     * Returns the kernel tap (row, column) that the single pixel of a 1x1 input image meets: padding /
     * dilation on each axis.
     *
     * @throws IllegalArgumentException unless the padded 1x1 image gives exactly one output position on each
     *         axis, d·(k − 1) ≤ 2p &lt; d·(k − 1) + s, and padding / dilation is an integer inside the kernel
     */
    static int[] centreTap(LayerInfo layer) {
        int[] kernel = layer.kernel();
        int[] stride = layer.stride();
        int[] padding = layer.padding();
        int[] dilation = layer.dilation();
        int[] tap = new int[2];
        for (int axis = 0; axis < 2; axis++) {
            int slack = 2 * padding[axis] - dilation[axis] * (kernel[axis] - 1);
            tap[axis] = padding[axis] / dilation[axis];
            boolean oneOutput = slack >= 0 && slack < stride[axis];
            boolean integer = padding[axis] % dilation[axis] == 0;
            if (!oneOutput || !integer || tap[axis] >= kernel[axis]) {
                throw new IllegalArgumentException("layer " + layer + ": channel rows need one kernel tap that a"
                        + " 1x1 image meets, but on axis " + axis + " kernel " + kernel[axis] + ", padding "
                        + padding[axis] + ", dilation " + dilation[axis] + " and stride " + stride[axis]
                        + (oneOutput ? " put padding / dilation = " + padding[axis] + " / " + dilation[axis]
                                + " outside the kernel's taps"
                                : " give a 1x1 image " + (slack < 0 ? "no" : "more than one") + " output position")
                        + "; use the conv-patch extractor for this layer");
            }
        }
        return tap;
    }

    private static void checkConvolution(LayerInfo layer) {
        if (layer.type() != LayerType.CONV2D) {
            throw new IllegalArgumentException("extractor '" + NAME + "' handles Conv2d layers only, but layer "
                    + layer + " is not one; use the linear extractor for Linear layers");
        }
    }

    private void checkGroup(LayerInfo layer, int group) {
        checkConvolution(layer);
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

package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

import dev.barrier.api.model.LayerTap;
import dev.barrier.nn.Scalars;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A pixel-space conditional UNet in the style of Ho et al. (2020), with {@code levels} resolutions. Level
 * i (1-based) has width·1 channels at level 1 and width·2 below; each level halves the height and width of the
 * one above. Layer names, in forward order:
 * <ul>
 * <li>{@code timeEmbedding} (Linear on width sinusoidal timestep features), {@code classEmbedding} (Linear on
 * the one-hot class, numClasses + 1 entries) and {@code classProjection} (Linear), all 4·width wide; the
 * conditioning e = SiLU(SiLU(timeEmbedding(·)) + classProjection(SiLU(classEmbedding(·)))) enters every
 * residual block;</li>
 * <li>{@code inputConv} (3x3);</li>
 * <li>per level i on the way down: a residual block {@code down<i>} ({@code .conv1}, {@code .embedding},
 * {@code .conv2}, and {@code .skip}, a 1x1 convolution, when the channel count changes), an attention block
 * {@code down<i>.attention} ({@code .q}, {@code .k}, {@code .v}, {@code .output}, all 1x1 convolutions) on
 * levels from {@code attention} on, and {@code down<i>.downsample} (3x3, stride 2) except on the last level;</li>
 * <li>the middle: {@code mid.res1}, {@code mid.attention}, {@code mid.res2};</li>
 * <li>per level on the way up: the level's skip connection concatenated, a residual block {@code up<i>}, its
 * attention block where the way down has one, and {@code up<i>.upsample} (nearest-neighbour ×2, then 3x3)
 * except on level 1;</li>
 * <li>{@code outputConv} (3x3) after a group normalisation and SiLU.</li>
 * </ul>
 * A residual block computes x' = skip(x) + conv2(SiLU(norm2(conv1(SiLU(norm1(x))) + embedding(e)))).
 * An attention block computes single-head softmax(qᵀk / √C) attention over the positions and adds
 * output(·) to its input.
 */
final class UnetBlock extends DenoiserBlock {

    private static final Shape KERNEL_3 = new Shape(3, 3);
    private static final Shape KERNEL_1 = new Shape(1, 1);
    private static final Shape PADDING_1 = new Shape(1, 1);
    private static final Shape PADDING_0 = new Shape(0, 0);
    private static final Shape STRIDE_2 = new Shape(2, 2);

    private final int width;
    private final int levels;
    private final int attention;
    private final int numClasses;
    private final List<String> targetNames = new ArrayList<>();

    /**
     * Builds the layers (without initialising them).
     *
     * @param attention the first level with attention blocks, or 0 for attention in the middle only
     */
    UnetBlock(int width, int levels, int attention, int channels, int numClasses) {
        this.width = width;
        this.levels = levels;
        this.attention = attention;
        this.numClasses = numClasses;
        int embedding = 4 * width;
        linearLayer("timeEmbedding", embedding, true, width);
        linearLayer("classEmbedding", embedding, false, numClasses + 1);
        linearLayer("classProjection", embedding, true, embedding);
        conv("inputConv", channels, width, KERNEL_3, PADDING_1, null);

        int current = width;
        for (int level = 1; level <= levels; level++) {
            int levelChannels = channelsOf(level);
            residual("down" + level, current, levelChannels);
            current = levelChannels;
            if (hasAttention(level)) {
                attention("down" + level + ".attention", current);
            }
            if (level < levels) {
                conv("down" + level + ".downsample", current, current, KERNEL_3, PADDING_1, STRIDE_2);
            }
        }
        residual("mid.res1", current, current);
        attention("mid.attention", current);
        residual("mid.res2", current, current);
        for (int level = levels; level >= 1; level--) {
            int levelChannels = channelsOf(level);
            residual("up" + level, current + levelChannels, levelChannels);
            current = levelChannels;
            if (hasAttention(level)) {
                attention("up" + level + ".attention", current);
            }
            if (level > 1) {
                conv("up" + level + ".upsample", current, channelsOf(level - 1), KERNEL_3, PADDING_1, null);
                current = channelsOf(level - 1);
            }
        }
        addLayer("outputNorm", new GroupNorm(current, GroupNorm.groupsFor(current)), new Shape(1, current, 2, 2));
        conv("outputConv", current, channels, KERNEL_3, PADDING_1, null);
    }

    /** Returns the names of the target layers, in forward order. */
    List<String> targetNames() {
        return List.copyOf(targetNames);
    }

    private int channelsOf(int level) {
        return level == 1 ? width : 2 * width;
    }

    private boolean hasAttention(int level) {
        return attention > 0 && level >= attention;
    }

    private void linearLayer(String name, int units, boolean bias, int inputs) {
        addLayer(name, Linear.builder().setUnits(units).optBias(bias).build(), new Shape(1, inputs));
        targetNames.add(name);
    }

    private void conv(String name, int in, int out, Shape kernel, Shape padding, Shape stride) {
        Conv2d.Builder builder = Conv2d.builder().setKernelShape(kernel).optPadding(padding).setFilters(out);
        if (stride != null) {
            builder.optStride(stride);
        }
        addLayer(name, builder.build(), new Shape(1, in, 4, 4));
        targetNames.add(name);
    }

    private void norm(String name, int channels) {
        addLayer(name, new GroupNorm(channels, GroupNorm.groupsFor(channels)), new Shape(1, channels, 2, 2));
    }

    private void residual(String prefix, int in, int out) {
        norm(prefix + ".norm1", in);
        conv(prefix + ".conv1", in, out, KERNEL_3, PADDING_1, null);
        linearLayer(prefix + ".embedding", out, true, 4 * width);
        norm(prefix + ".norm2", out);
        conv(prefix + ".conv2", out, out, KERNEL_3, PADDING_1, null);
        if (in != out) {
            conv(prefix + ".skip", in, out, KERNEL_1, PADDING_0, null);
        }
    }

    private void attention(String prefix, int channels) {
        norm(prefix + ".norm", channels);
        for (String part : List.of(".q", ".k", ".v", ".output")) {
            conv(prefix + part, channels, channels, KERNEL_1, PADDING_0, null);
        }
    }

    @Override
    public NDList forwardTapped(ParameterStore ps, NDList inputs, boolean training, LayerTap tap) {
        NDArray x = inputs.get(0);
        NDArray timesteps = inputs.get(1);
        NDArray classes = inputs.get(2);

        NDArray time = silu(target("timeEmbedding", ps, TimeFeatures.of(timesteps, width), training, tap));
        NDArray oneHot = classes.oneHot(numClasses + 1, DataType.FLOAT32);
        NDArray classVector = silu(target("classEmbedding", ps, oneHot, training, tap));
        NDArray conditioning = silu(time.add(target("classProjection", ps, classVector, training, tap)));

        NDArray h = target("inputConv", ps, x, training, tap);
        Deque<NDArray> skips = new ArrayDeque<>();
        for (int level = 1; level <= levels; level++) {
            h = residual("down" + level, ps, h, conditioning, training, tap);
            if (hasAttention(level)) {
                h = attention("down" + level + ".attention", ps, h, training, tap);
            }
            skips.push(h);
            if (level < levels) {
                h = target("down" + level + ".downsample", ps, h, training, tap);
            }
        }
        h = residual("mid.res1", ps, h, conditioning, training, tap);
        h = attention("mid.attention", ps, h, training, tap);
        h = residual("mid.res2", ps, h, conditioning, training, tap);
        for (int level = levels; level >= 1; level--) {
            h = h.concat(skips.pop(), 1);
            h = residual("up" + level, ps, h, conditioning, training, tap);
            if (hasAttention(level)) {
                h = attention("up" + level + ".attention", ps, h, training, tap);
            }
            if (level > 1) {
                h = h.repeat(2, 2).repeat(3, 2);
                h = target("up" + level + ".upsample", ps, h, training, tap);
            }
        }
        h = silu(apply("outputNorm", ps, h, training));
        return new NDList(target("outputConv", ps, h, training, tap));
    }

    private NDArray residual(String prefix, ParameterStore ps, NDArray x, NDArray conditioning, boolean training,
            LayerTap tap) {
        NDArray h = target(prefix + ".conv1", ps, silu(apply(prefix + ".norm1", ps, x, training)), training, tap);
        NDArray shift = target(prefix + ".embedding", ps, conditioning, training, tap);
        h = h.add(shift.reshape(shift.getShape().get(0), shift.getShape().get(1), 1, 1));
        h = target(prefix + ".conv2", ps, silu(apply(prefix + ".norm2", ps, h, training)), training, tap);
        Block skip = child(prefix + ".skip");
        NDArray shortcut = skip == null ? x : target(prefix + ".skip", ps, x, training, tap);
        return shortcut.add(h);
    }

    private NDArray attention(String prefix, ParameterStore ps, NDArray x, boolean training, LayerTap tap) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long channels = shape.get(1);
        long positions = shape.get(2) * shape.get(3);
        NDArray normalised = apply(prefix + ".norm", ps, x, training);
        NDArray q = target(prefix + ".q", ps, normalised, training, tap).reshape(batch, channels, positions);
        NDArray k = target(prefix + ".k", ps, normalised, training, tap).reshape(batch, channels, positions);
        NDArray v = target(prefix + ".v", ps, normalised, training, tap).reshape(batch, channels, positions);
        NDArray scores = q.transpose(0, 2, 1).batchMatMul(k);
        scores = scores.div(Scalars.like(scores, Math.sqrt(channels)));
        NDArray weights = scores.softmax(2);
        NDArray attended = v.batchMatMul(weights.transpose(0, 2, 1)).reshape(shape);
        return x.add(target(prefix + ".output", ps, attended, training, tap));
    }

    /** Returns SiLU(x) = x · sigmoid(x). DJL's swish multiplies by a temporary scalar that backward would read. */
    private static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }
}

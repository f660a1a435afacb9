package dev.barrier.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

import dev.barrier.api.model.LayerInfo;

/** Describes initialised DJL Linear and Conv2d blocks as {@link LayerInfo}s. */
public final class LayerInfos {

    private LayerInfos() {
    }

    /**
     * Describes a block.
     *
     * @throws IllegalArgumentException if the block is neither Linear nor Conv2d, or is not initialised
     */
    public static LayerInfo describe(String name, Block block) {
        Parameter weight = block.getParameters().get("weight");
        if (weight == null || !weight.isInitialized()) {
            throw new IllegalArgumentException("layer " + name + " has no initialised weight");
        }
        boolean hasBias = block.getParameters().contains("bias");
        Shape shape = weight.getArray().getShape();
        if (block instanceof Linear) {
            return LayerInfo.linear(name, (int) shape.get(1), (int) shape.get(0), hasBias);
        }
        if (block instanceof Conv2d conv) {
            int groups = conv.getGroups();
            return LayerInfo.conv2d(name, (int) shape.get(1) * groups, (int) shape.get(0), ints(conv.getKernelShape()),
                    ints(conv.getStride()), ints(conv.getPadding()), ints(conv.getDilation()), groups, hasBias);
        }
        throw new IllegalArgumentException("layer " + name + " is a " + block.getClass().getSimpleName()
                + "; only Linear and Conv2d layers can be targeted");
    }

    private static int[] ints(Shape shape) {
        long[] values = shape.getShape();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }
}

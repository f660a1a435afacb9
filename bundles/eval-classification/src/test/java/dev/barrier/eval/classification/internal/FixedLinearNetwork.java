package dev.barrier.eval.classification.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;
import dev.barrier.nn.AbstractNetworkModel;
import dev.barrier.nn.TappableBlock;

import java.util.List;
import java.util.Map;

/**
 * A network of one bias-free Linear layer {@code fc} on flattened 1x4x4 images, whose weights make logit k
 * equal to {@code scale} times the sum of the pixels of image row k (k below the number of classes, at most
 * 4). An image whose row k is brightest is therefore predicted as class k.
 */
class FixedLinearNetwork extends AbstractNetworkModel<FixedLinearNetwork.Net> {

    static final class Net extends TappableBlock {
        private final int classes;

        Net(int classes) {
            super((byte) 1);
            this.classes = classes;
            add("fc", Linear.builder().setUnits(classes).optBias(false).build());
        }

        @Override
        public NDList forwardTapped(ParameterStore parameterStore, NDList inputs, boolean training, LayerTap tap) {
            NDArray x = inputs.singletonOrThrow();
            x = x.reshape(x.getShape().get(0), -1);
            return new NDList(layer("fc", parameterStore, x, training, tap));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            child("fc").initialize(manager, dataType, new Shape(inputShapes[0].get(0), 16));
        }
    }

    private final float scale;

    FixedLinearNetwork(NDManager manager, int classes, float scale) {
        super("fixed-linear", Map.of("classes", classes), new InputSpec(1, 4, 4, classes), manager, new Net(classes),
                List.of("fc"), 1, new Shape(1, 1, 4, 4));
        if (classes > 4) {
            throw new IllegalArgumentException("a 4x4 image has 4 rows, so at most 4 classes, got " + classes);
        }
        this.scale = scale;
        float[] weights = new float[classes * 16];
        for (int k = 0; k < classes; k++) {
            for (int column = 0; column < 4; column++) {
                weights[k * 16 + k * 4 + column] = scale;
            }
        }
        weight("fc").getArray().set(weights);
    }

    /** Runs the forward pass without a tap. */
    NDArray forward(NDArray images, boolean training, LayerTap tap) {
        return block().forwardTapped(parameterStore(), new NDList(images), training, tap).singletonOrThrow();
    }

    @Override
    protected FixedLinearNetwork newInstance(NDManager newManager) {
        return new FixedLinearNetwork(newManager, inputSpec().numClasses(), scale);
    }
}

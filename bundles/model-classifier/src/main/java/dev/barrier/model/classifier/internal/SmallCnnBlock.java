package dev.barrier.model.classifier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;

import dev.barrier.api.model.LayerTap;

/**
 * conv1 (3x3, padding 1) → ReLU → 2x2 max-pool → conv2 (3x3, padding 1) → ReLU → 2x2 max-pool → flatten →
 * fc1 → ReLU → head. Each max-pool halves the height and width, rounding down.
 */
final class SmallCnnBlock extends ClassifierBlock {

    private static final Shape KERNEL = new Shape(3, 3);
    private static final Shape PADDING = new Shape(1, 1);
    private static final Shape POOL = new Shape(2, 2);
    private static final Shape NO_PADDING = new Shape(0, 0);

    SmallCnnBlock(SmallCnnArchitecture architecture, int numClasses) {
        super(numClasses);
        add("conv1", conv(architecture.conv1Channels()));
        add("conv2", conv(architecture.conv2Channels()));
        add("fc1", Linear.builder().setUnits(architecture.hidden()).build());
        add("head", Linear.builder().setUnits(numClasses).build());
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setKernelShape(KERNEL).optPadding(PADDING).setFilters(filters).build();
    }

    private static NDArray maxPool(NDArray x) {
        return Pool.maxPool2d(x, POOL, POOL, NO_PADDING, false);
    }

    @Override
    public NDList forwardTapped(ParameterStore parameterStore, NDList inputs, boolean training, LayerTap tap) {
        NDArray x = normalise(inputs.singletonOrThrow());
        x = maxPool(Activation.relu(layer("conv1", parameterStore, x, training, tap)));
        x = maxPool(Activation.relu(layer("conv2", parameterStore, x, training, tap)));
        x = x.reshape(x.getShape().get(0), -1);
        x = Activation.relu(layer("fc1", parameterStore, x, training, tap));
        return new NDList(layer("head", parameterStore, x, training, tap));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        shape = pooled(initializeChild("conv1", manager, dataType, shape));
        shape = pooled(initializeChild("conv2", manager, dataType, shape));
        shape = new Shape(shape.get(0), shape.get(1) * shape.get(2) * shape.get(3));
        shape = initializeChild("fc1", manager, dataType, shape);
        initializeChild("head", manager, dataType, shape);
    }

    private static Shape pooled(Shape shape) {
        return new Shape(shape.get(0), shape.get(1), shape.get(2) / 2, shape.get(3) / 2);
    }
}

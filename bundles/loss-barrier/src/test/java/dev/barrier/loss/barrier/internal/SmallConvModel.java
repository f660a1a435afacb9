package dev.barrier.loss.barrier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;

import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;
import dev.barrier.nn.AbstractNetworkModel;
import dev.barrier.nn.TappableBlock;

import java.util.List;
import java.util.Map;

/**
 * The architecture of the reference values: conv1 Conv2d(3→8, 3x3, padding 1) → ReLU → conv2 Conv2d(8→6,
 * 3x3, stride 2, padding 1) → ReLU → global average pool → fc Linear(6→5), on 3x6x6 images. The groups of
 * conv2 can be changed for tests of grouped convolutions. Target layers: conv1, conv2, fc.
 */
final class SmallConvModel extends AbstractNetworkModel<SmallConvModel.Net> {

    static final InputSpec SPEC = new InputSpec(3, 6, 6, 5);

    static final class Net extends TappableBlock {

        Net(int conv2Groups) {
            super((byte) 1);
            add("conv1", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8)
                    .build());
            add("conv2", Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1)).setFilters(6).optGroups(conv2Groups).build());
            add("fc", Linear.builder().setUnits(5).build());
        }

        @Override
        public NDList forwardTapped(ParameterStore parameterStore, NDList inputs, boolean training, LayerTap tap) {
            NDArray x = inputs.singletonOrThrow();
            x = Activation.relu(layer("conv1", parameterStore, x, training, tap));
            x = Activation.relu(layer("conv2", parameterStore, x, training, tap));
            x = Pool.globalAvgPool2d(x);
            return new NDList(layer("fc", parameterStore, x, training, tap));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), 5)};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape shape = inputShapes[0];
            for (String name : List.of("conv1", "conv2")) {
                Block child = child(name);
                child.initialize(manager, dataType, shape);
                shape = child.getOutputShapes(new Shape[] {shape})[0];
            }
            child("fc").initialize(manager, dataType, new Shape(shape.get(0), shape.get(1)));
        }
    }

    private final int conv2Groups;
    private final long seed;

    SmallConvModel(NDManager manager, int conv2Groups, long seed) {
        super("small-conv", Map.of("conv2Groups", conv2Groups), SPEC, manager, new Net(conv2Groups),
                List.of("conv1", "conv2", "fc"), seed, new Shape(1, 3, 6, 6));
        this.conv2Groups = conv2Groups;
        this.seed = seed;
    }

    /** Runs the model on {@code images} [B, 3, 6, 6], handing the target layers' inputs to {@code tap}. */
    NDArray forward(NDArray images, LayerTap tap) {
        return block().forwardTapped(parameterStore(), new NDList(images), false, tap).singletonOrThrow();
    }

    @Override
    protected SmallConvModel newInstance(NDManager newManager) {
        return new SmallConvModel(newManager, conv2Groups, seed);
    }
}

package dev.barrier.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;

import java.util.List;
import java.util.Map;

/** A two-layer perceptron on flattened images, used to test the library. */
final class TinyMlp extends AbstractNetworkModel<TinyMlp.Net> {

    static final class Net extends TappableBlock {
        Net(int hidden, int classes) {
            super((byte) 1);
            add("fc1", Linear.builder().setUnits(hidden).build());
            add("fc2", Linear.builder().setUnits(classes).build());
        }

        @Override
        public NDList forwardTapped(ParameterStore ps, NDList inputs, boolean training, LayerTap tap) {
            var x = inputs.singletonOrThrow();
            x = x.reshape(x.getShape().get(0), -1);
            x = Activation.relu(layer("fc1", ps, x, training, tap));
            return new NDList(layer("fc2", ps, x, training, tap));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), 3)};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, ai.djl.ndarray.types.DataType dataType,
                Shape... inputShapes) {
            Shape flat = new Shape(inputShapes[0].get(0), inputShapes[0].size() / inputShapes[0].get(0));
            child("fc1").initialize(manager, dataType, flat);
            Shape hidden = child("fc1").getOutputShapes(new Shape[] {flat})[0];
            child("fc2").initialize(manager, dataType, hidden);
        }
    }

    private final int hidden;
    private final long seed;

    TinyMlp(NDManager manager, InputSpec spec, int hidden, long seed) {
        super("tiny-mlp", Map.of("hidden", hidden), spec, manager, new Net(hidden, spec.numClasses()),
                List.of("fc1", "fc2"), seed, new Shape(1, spec.channels(), spec.height(), spec.width()));
        this.hidden = hidden;
        this.seed = seed;
    }

    NDList forward(ai.djl.ndarray.NDArray x, boolean training, LayerTap tap) {
        return block().forwardTapped(parameterStore(), new NDList(x), training, tap);
    }

    @Override
    protected TinyMlp newInstance(NDManager newManager) {
        return new TinyMlp(newManager, inputSpec(), hidden, seed + 1);
    }
}

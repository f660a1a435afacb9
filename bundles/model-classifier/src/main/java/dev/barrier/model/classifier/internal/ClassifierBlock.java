package dev.barrier.model.classifier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import dev.barrier.nn.TappableBlock;

/**
 * A classifier network built from named children: takes images [B, C, H, W] with values in [0, 1] and
 * returns logits [B, classes]. The input is normalised inside the forward pass as (x − 0.5) / 0.25, which
 * maps [0, 1] to [−2, 2]; the constants are fixed so that a saved model carries no preprocessing settings.
 */
abstract class ClassifierBlock extends TappableBlock {

    /** The value subtracted from every pixel. */
    static final float INPUT_CENTRE = 0.5f;
    /** The value every centred pixel is divided by. */
    static final float INPUT_SCALE = 0.25f;

    private final int numClasses;

    ClassifierBlock(int numClasses) {
        super((byte) 1);
        this.numClasses = numClasses;
    }

    /** Returns (images − 0.5) / 0.25. */
    static NDArray normalise(NDArray images) {
        return images.sub(INPUT_CENTRE).div(INPUT_SCALE);
    }

    /** Runs a child that is not a target layer (a batch normalisation), without offering its input to a tap. */
    NDArray run(String name, ParameterStore parameterStore, NDArray input, boolean training) {
        return child(name).forward(parameterStore, new NDList(input), training).singletonOrThrow();
    }

    /** Returns the number of classes the head predicts. */
    int numClasses() {
        return numClasses;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
    }

    /** Initialises the child called {@code name} for {@code input} and returns the shape of its output. */
    Shape initializeChild(String name, NDManager manager, DataType dataType, Shape input) {
        Block block = child(name);
        block.initialize(manager, dataType, input);
        return block.getOutputShapes(new Shape[] {input})[0];
    }
}

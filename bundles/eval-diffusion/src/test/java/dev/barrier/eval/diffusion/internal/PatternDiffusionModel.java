package dev.barrier.eval.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

import dev.barrier.api.model.DiffusionModel;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;
import dev.barrier.api.model.NoiseSchedule;
import dev.barrier.api.model.SamplingSettings;
import dev.barrier.nn.AbstractNetworkModel;
import dev.barrier.nn.TappableBlock;

import java.util.List;
import java.util.Map;

/**
 * A diffusion model for tests whose samples are designed images: the i-th image of a request for class c is
 * all zeros except one pixel of value 1, pixel c when i &lt; {@code correct[c]} and pixel (c + 1) mod K
 * otherwise. With the {@code pixel-argmax} classifier, exactly {@code correct[c]} of the first images of each
 * request are recognised as their class. The noise prediction is never used by the evaluator and returns
 * zeros.
 */
final class PatternDiffusionModel extends AbstractNetworkModel<PatternDiffusionModel.Block> implements DiffusionModel {

    private final int[] correct;

    PatternDiffusionModel(InputSpec spec, int[] correct) {
        super("pattern", Map.of(), spec, NDManager.newBaseManager(), new Block(), List.of("layer"), 0, new Shape(1, 1));
        this.correct = correct.clone();
    }

    @Override
    public NoiseSchedule schedule() {
        return NoiseSchedule.linear(10, 1e-4, 0.02);
    }

    @Override
    public long[] sampleShape() {
        return new long[] {inputSpec().channels(), inputSpec().height(), inputSpec().width()};
    }

    @Override
    public NDArray encode(NDArray images) {
        return images;
    }

    @Override
    public NDArray decode(NDArray samples) {
        return samples;
    }

    @Override
    public NDArray predictNoise(NDArray noisy, NDArray timesteps, NDArray classes, boolean training, LayerTap tap) {
        return noisy.zerosLike();
    }

    @Override
    public NDArray sample(int[] classes, SamplingSettings settings, long seed, NDManager manager) {
        int classCount = inputSpec().numClasses();
        int pixels = inputSpec().channels() * inputSpec().height() * inputSpec().width();
        float[] values = new float[classes.length * pixels];
        for (int i = 0; i < classes.length; i++) {
            int c = classes[i];
            int pixel = i < correct[c] ? c : (c + 1) % classCount;
            values[i * pixels + pixel] = 1;
        }
        return manager.create(values, new Shape(classes.length, inputSpec().channels(), inputSpec().height(),
                inputSpec().width()));
    }

    @Override
    protected PatternDiffusionModel newInstance(NDManager newManager) {
        throw new UnsupportedOperationException("the pattern model is not copied in tests");
    }

    /** A single Linear layer, so that the model has parameters and a target layer. */
    static final class Block extends TappableBlock {
        Block() {
            super((byte) 1);
            add("layer", Linear.builder().setUnits(1).build());
        }

        @Override
        public NDList forwardTapped(ParameterStore parameterStore, NDList inputs, boolean training, LayerTap tap) {
            return new NDList(layer("layer", parameterStore, inputs.singletonOrThrow(), training, tap));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            child("layer").initialize(manager, dataType, new Shape(1, 1));
        }
    }
}

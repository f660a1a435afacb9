package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

import dev.barrier.api.model.LayerTap;

import java.util.ArrayList;
import java.util.List;

/**
 * The MLP denoiser of the latent model. With SiLU(x) = x · sigmoid(x), one-hot(c) over numClasses + 1
 * entries and LN a layer normalisation:
 * <pre>
 * e   = SiLU(timeEmbedding(sinusoidal(t))) + classProjection(SiLU(classEmbedding(one-hot(c))))
 * h   = input(x) + e
 * for each block i:  h = h + block<i>.fc2(SiLU(block<i>.fc1(SiLU(block<i>.norm(h))) + e))
 * out = output(SiLU(outputNorm(h)))
 * </pre>
 * The conditioning e enters every residual block after fc1, so fc2's inputs mix the noisy sample and the
 * conditioning, and fc1's inputs carry it through h. The codec is a child of this block only so that its
 * constants are saved with the model.
 */
final class LatentDenoiserBlock extends DenoiserBlock {

    private final int blocks;
    private final int timeFeatures;
    private final int numClasses;

    LatentDenoiserBlock(int hidden, int blocks, int timeFeatures, int numClasses, int latentWidth, Codec codec) {
        this.blocks = blocks;
        this.timeFeatures = timeFeatures;
        this.numClasses = numClasses;
        Shape hiddenInput = new Shape(1, hidden);
        addLayer("timeEmbedding", linear(hidden, true), new Shape(1, timeFeatures));
        addLayer("classEmbedding", linear(hidden, false), new Shape(1, numClasses + 1L));
        addLayer("classProjection", linear(hidden, true), hiddenInput);
        addLayer("input", linear(hidden, true), new Shape(1, latentWidth));
        for (int i = 1; i <= blocks; i++) {
            addLayer("block" + i + ".norm", LayerNorm.builder().axis(1).build(), hiddenInput);
            addLayer("block" + i + ".fc1", linear(hidden, true), hiddenInput);
            addLayer("block" + i + ".fc2", linear(hidden, true), hiddenInput);
        }
        addLayer("outputNorm", LayerNorm.builder().axis(1).build(), hiddenInput);
        addLayer("output", linear(latentWidth, true), hiddenInput);
        addLayer("codec", codec.block(), new Shape(1));
    }

    /** Returns the names of the target layers in forward order. */
    static List<String> targetNames(int blocks) {
        List<String> names = new ArrayList<>(List.of("timeEmbedding", "classEmbedding", "classProjection", "input"));
        for (int i = 1; i <= blocks; i++) {
            names.add("block" + i + ".fc1");
            names.add("block" + i + ".fc2");
        }
        names.add("output");
        return names;
    }

    private static Linear linear(int units, boolean bias) {
        return Linear.builder().setUnits(units).optBias(bias).build();
    }

    @Override
    public NDList forwardTapped(ParameterStore ps, NDList inputs, boolean training, LayerTap tap) {
        NDArray x = inputs.get(0);
        NDArray timesteps = inputs.get(1);
        NDArray classes = inputs.get(2);

        NDArray time = silu(target("timeEmbedding", ps, TimeFeatures.of(timesteps, timeFeatures), training, tap));
        NDArray oneHot = classes.oneHot(numClasses + 1, DataType.FLOAT32);
        NDArray classVector = silu(target("classEmbedding", ps, oneHot, training, tap));
        NDArray conditioning = time.add(target("classProjection", ps, classVector, training, tap));

        NDArray h = target("input", ps, x, training, tap).add(conditioning);
        for (int i = 1; i <= blocks; i++) {
            String prefix = "block" + i;
            NDArray u = silu(apply(prefix + ".norm", ps, h, training));
            u = silu(target(prefix + ".fc1", ps, u, training, tap).add(conditioning));
            h = h.add(target(prefix + ".fc2", ps, u, training, tap));
        }
        NDArray out = silu(apply("outputNorm", ps, h, training));
        return new NDList(target("output", ps, out, training, tap));
    }

    /** Returns SiLU(x) = x · sigmoid(x). DJL's swish multiplies by a temporary scalar that backward would read. */
    private static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }
}

package dev.barrier.model.classifier.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.InputSpec;
import dev.barrier.api.model.LayerTap;
import dev.barrier.nn.AbstractNetworkModel;

/**
 * A classifier of one {@link ClassifierArchitecture}, owning its parameters through its manager. Saving,
 * loading and copying go through the nn library's model files, which check the architecture, its settings
 * and the input shape. Not thread-safe.
 */
final class ClassifierNetwork extends AbstractNetworkModel<ClassifierBlock> implements Classifier {

    private final ClassifierArchitecture architecture;
    private final long seed;

    /**
     * Builds a network and initialises its parameters from the engine's random generator seeded with
     * {@code seed}.
     *
     * @param manager owns the parameters and is closed with the network
     * @throws IllegalArgumentException if the input is too small for the architecture
     */
    ClassifierNetwork(ClassifierArchitecture architecture, InputSpec spec, long seed, NDManager manager) {
        super(architecture.name(), architecture.settings(), spec, manager, architecture.newBlock(spec),
                architecture.layerNames(), seed, new Shape(1, spec.channels(), spec.height(), spec.width()));
        this.architecture = architecture;
        this.seed = seed;
    }

    /** Returns the architecture and settings this network was built with. */
    ClassifierArchitecture classifierArchitecture() {
        return architecture;
    }

    /**
     * Runs a forward pass.
     *
     * @throws IllegalArgumentException if {@code images} is not [B, C, H, W] with the channels, height and
     *                                  width of {@link #inputSpec()}
     */
    @Override
    public NDArray logits(NDArray images, boolean training, LayerTap tap) {
        Shape shape = images.getShape();
        InputSpec spec = inputSpec();
        if (shape.dimension() != 4 || shape.get(1) != spec.channels() || shape.get(2) != spec.height()
                || shape.get(3) != spec.width()) {
            throw new IllegalArgumentException(architecture.name() + " expects images [B, " + spec.channels() + ", "
                    + spec.height() + ", " + spec.width() + "], got " + shape);
        }
        return block().forwardTapped(parameterStore(), new NDList(images), training, tap).singletonOrThrow();
    }

    @Override
    protected ClassifierNetwork newInstance(NDManager newManager) {
        return new ClassifierNetwork(architecture, inputSpec(), seed, newManager);
    }
}

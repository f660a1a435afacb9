package dev.barrier.eval.classification.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.barrier.api.model.Classifier;
import dev.barrier.api.model.LayerTap;

/** {@link FixedLinearNetwork} as a {@link Classifier}: its output is the logits. */
final class FixedLinearClassifier extends FixedLinearNetwork implements Classifier {

    FixedLinearClassifier(NDManager manager, int classes, float scale) {
        super(manager, classes, scale);
    }

    @Override
    public NDArray logits(NDArray images, boolean training, LayerTap tap) {
        return forward(images, training, tap);
    }

    @Override
    protected FixedLinearClassifier newInstance(NDManager newManager) {
        return new FixedLinearClassifier(newManager, inputSpec().numClasses(), 1f);
    }
}

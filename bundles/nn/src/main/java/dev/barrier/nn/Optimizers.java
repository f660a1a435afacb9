package dev.barrier.nn;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import dev.barrier.api.model.TrainingSettings;

/** Creates DJL optimisers from {@link TrainingSettings}. */
public final class Optimizers {

    private Optimizers() {
    }

    /**
     * Creates the optimiser. Gradient clipping is not delegated to DJL (which clips element-wise); see
     * {@link TrainingStep}, which clips by the global L2 norm over the trained parameters.
     */
    public static Optimizer create(TrainingSettings settings) {
        Tracker rate = Tracker.fixed((float) settings.learningRate());
        switch (settings.optimizer()) {
            case SGD:
                return Optimizer.sgd().setLearningRateTracker(rate).optMomentum((float) settings.momentum())
                        .optWeightDecays((float) settings.weightDecay()).build();
            case ADAM:
            default:
                return Optimizer.adam().optLearningRateTracker(rate).optWeightDecays((float) settings.weightDecay())
                        .build();
        }
    }
}

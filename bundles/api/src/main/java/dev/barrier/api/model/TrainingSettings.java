package dev.barrier.api.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model is trained.
 *
 * @param epochs          passes over the data; training also stops after {@code maxSteps} if that is positive
 * @param maxSteps        a limit on optimiser steps, or 0 for none
 * @param batchSize       images per step
 * @param optimizer       the optimiser
 * @param learningRate    the learning rate
 * @param momentum        SGD momentum (ignored by Adam)
 * @param weightDecay     L2 weight decay, 0 for none
 * @param gradientClip    the largest gradient L2 norm over the trained parameters, or 0 for no clipping
 * @param seed            seeds initialisation order, shuffling and any noise
 */
public record TrainingSettings(int epochs, long maxSteps, int batchSize, Optimizer optimizer, double learningRate,
        double momentum, double weightDecay, double gradientClip, long seed) {

    /** The optimisers available. */
    public enum Optimizer {
        /** Adam (Kingma and Ba, 2015). */
        ADAM,
        /** Stochastic gradient descent with momentum. */
        SGD
    }

    /** Checks the ranges. */
    public TrainingSettings {
        if (epochs < 0 || maxSteps < 0 || (epochs == 0 && maxSteps == 0)) {
            throw new IllegalArgumentException("training needs a positive number of epochs or steps, got " + epochs
                    + " epochs and " + maxSteps + " steps");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1) || !(weightDecay >= 0) || !(gradientClip >= 0)) {
            throw new IllegalArgumentException("expected momentum in [0, 1), weightDecay >= 0 and gradientClip >= 0,"
                    + " got " + momentum + ", " + weightDecay + " and " + gradientClip);
        }
    }

    /** Returns the settings as a map with stable keys, for reports and cache keys. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("epochs", epochs);
        map.put("maxSteps", maxSteps);
        map.put("batchSize", batchSize);
        map.put("optimizer", optimizer.name().toLowerCase(java.util.Locale.ROOT));
        map.put("learningRate", learningRate);
        map.put("momentum", momentum);
        map.put("weightDecay", weightDecay);
        map.put("gradientClip", gradientClip);
        map.put("seed", seed);
        return map;
    }

    /** Returns a copy with another number of epochs. */
    public TrainingSettings withEpochs(int newEpochs) {
        return new TrainingSettings(newEpochs, maxSteps, batchSize, optimizer, learningRate, momentum, weightDecay,
                gradientClip, seed);
    }

    /** Returns a copy with another seed. */
    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(epochs, maxSteps, batchSize, optimizer, learningRate, momentum, weightDecay,
                gradientClip, newSeed);
    }
}

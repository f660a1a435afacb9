package dev.barrier.api.model;

import java.util.List;

/**
 * What a training run did.
 *
 * @param epochs      epochs completed
 * @param steps       optimiser steps taken
 * @param epochLosses the mean training loss of each completed epoch
 * @param seconds     wall time
 * @param divergence  where training diverged, or null if it did not
 */
public record TrainingSummary(int epochs, long steps, List<Double> epochLosses, double seconds,
        Divergence divergence) {

    /** Copies the list. */
    public TrainingSummary {
        epochLosses = List.copyOf(epochLosses);
    }

    /** Returns whether training diverged. */
    public boolean diverged() {
        return divergence != null;
    }
}

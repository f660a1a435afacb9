package dev.barrier.nn;

import java.util.Optional;

/**
 * Decides when non-finite optimiser steps mean divergence. A non-finite loss always does. A step whose loss is
 * finite but whose gradient is not has already been skipped by {@link TrainingStep} (no update), and counts as
 * divergence only when {@link #LIMIT} such steps come in a row.
 *
 * <p>Note: isolated non-finite gradients with finite losses were seen rarely on CPUs under heavy load, and did
 * not recur when the same run was repeated; skipping the step keeps one such event from ending a run, and
 * the count of skipped steps is reported.
 */
public final class NonFiniteSteps {

    /** Consecutive steps with a non-finite gradient that count as divergence. */
    public static final int LIMIT = 3;

    private int consecutive;
    private long skipped;

    /**
     * Records one step's outcome.
     *
     * @return the reason to stop when the run counts as diverged, else empty
     */
    public Optional<String> record(TrainingStep.Outcome outcome) {
        if (!outcome.nonFinite()) {
            consecutive = 0;
            return Optional.empty();
        }
        if (!Double.isFinite(outcome.loss())) {
            return Optional.of("the loss is " + outcome.loss());
        }
        skipped++;
        consecutive++;
        if (consecutive < LIMIT) {
            return Optional.empty();
        }
        return Optional.of(describe(outcome) + " in " + LIMIT + " steps in a row");
    }

    /** Returns whether the last recorded step was skipped for a non-finite gradient. */
    public boolean lastSkipped() {
        return consecutive > 0;
    }

    /** Returns how many steps were skipped so far. */
    public long skipped() {
        return skipped;
    }

    /** Describes a non-finite gradient, naming the parameters when known. */
    public static String describe(TrainingStep.Outcome outcome) {
        return outcome.nonFiniteGradients().isEmpty() ? "the gradient norm is not finite"
                : "the gradient of " + String.join(", ", outcome.nonFiniteGradients()) + " is not finite";
    }
}

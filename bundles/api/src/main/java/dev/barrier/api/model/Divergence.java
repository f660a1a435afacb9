package dev.barrier.api.model;

/**
 * Where and why training or unlearning diverged.
 *
 * @param epoch  the 1-based epoch
 * @param step   the 1-based optimiser step, counted over the whole run of the method
 * @param reason what was detected, such as {@code loss is NaN} or {@code all retain predictions are class 3}
 */
public record Divergence(int epoch, long step, String reason) {

    @Override
    public String toString() {
        return reason + " (epoch " + epoch + ", step " + step + ")";
    }
}

package dev.barrier.api.report;

/** How a method's part of a run ended. */
public enum MethodStatus {
    /** The method finished and its model was evaluated. */
    COMPLETED,
    /** The method diverged (non-finite loss or weights, or a collapse to one class); see the detail. */
    DIVERGED,
    /** The method threw an error; see the detail. Other methods still ran. */
    FAILED
}

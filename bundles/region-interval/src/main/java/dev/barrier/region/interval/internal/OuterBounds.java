package dev.barrier.region.interval.internal;

/** The rule that forms the outer box [L, H], written {@code scale} or {@code actual} in configuration files. */
public enum OuterBounds {
    /** L = a − infinityScale, H = b + infinityScale. */
    SCALE,
    /**
     * L and H are the minimum and maximum over the forget and retain projections; with the identity projection,
     * L = min(a − infinityScale, retain min) and H = max(b + infinityScale, retain max).
     */
    ACTUAL
}

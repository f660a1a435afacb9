package dev.barrier.loss.barrier.internal;

/** The normalisation of the residual term beyond its division by C_out · r. */
public enum ResidualScale {
    /**
     * Divide also by N, the number of activation rows the projection was fitted on. The residual singular
     * values grow like √N, so without this the term, and with it the balance of the terms, grows with the
     * size of the forget set.
     */
    PER_ROW,
    /** No further division, as the method's reference implementation does. */
    REFERENCE
}

package dev.barrier.api.region;

/** Which part of the protected region the interval term of the protection loss penalises. */
public enum RegionMode {
    /**
     * The reference's form: the all-low box [L, a] and the all-high box [b, H] only. It covers two corners
     * of the protected region and depends on the signs of the directions.
     */
    CORNER,
    /**
     * The whole outer box minus the open forget box. Its worst case equals the worst case over the outer box,
     * so it is exact and free of sign choices.
     */
    COMPLEMENT
}

package dev.barrier.nn;

/** Derives independent seeds from a base seed and a label, so that each use of randomness has its own stream. */
public final class Seeds {

    private Seeds() {
    }

    /** Returns a seed for {@code purpose}, derived from {@code base} with the SplitMix64 finaliser. */
    public static long derive(long base, String purpose) {
        long z = base + 0x9E3779B97F4A7C15L * (purpose.hashCode() + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

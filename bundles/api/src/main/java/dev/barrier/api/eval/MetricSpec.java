package dev.barrier.api.eval;

/**
 * Describes a metric an evaluator produces.
 *
 * @param key          the stable key in {@code metrics.json}, such as {@code UA}
 * @param label        the column title in tables
 * @param unit         the unit, such as {@code %} (empty if none)
 * @param higherIsBetter whether larger values are better, or null when neither is
 * @param inAverageGap whether the metric counts in the average gap to the reference method
 * @param description  one sentence saying what is measured
 */
public record MetricSpec(String key, String label, String unit, Boolean higherIsBetter, boolean inAverageGap,
        String description) {
}

package dev.barrier.api.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics an evaluator measured for one model.
 *
 * @param scalars single values by metric key (keys described by the evaluator's {@link MetricSpec}s)
 * @param series  arrays by key, such as per-class accuracy
 * @param notes   remarks for the report
 */
public record Evaluation(Map<String, Double> scalars, Map<String, double[]> series, List<String> notes) {

    /** Copies the collections, keeping their order. */
    public Evaluation {
        scalars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
        notes = List.copyOf(notes);
    }
}

package dev.barrier.api.report;

import dev.barrier.api.eval.MetricSpec;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measured, as written to {@code metrics.json}.
 *
 * @param runId         the run id
 * @param name          the pipeline name
 * @param started       when the run started
 * @param finished      when the results were complete
 * @param environment   machine, Java, engine and thread settings
 * @param data          dataset and split sizes, forget scenario, class names
 * @param configuration the effective configuration, defaults included
 * @param metrics       descriptions of the metric keys, in column order
 * @param original      the original model's row
 * @param methods       one row per method, in configuration order
 * @param artifacts     files in the run folder, relative to it
 */
public record RunResults(String runId, String name, Instant started, Instant finished, Map<String, Object> environment,
        Map<String, Object> data, Map<String, Object> configuration, List<MetricSpec> metrics, ModelResult original,
        List<ModelResult> methods, List<String> artifacts) {

    /** Copies the collections, keeping their order. */
    public RunResults {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        configuration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        metrics = List.copyOf(metrics);
        methods = List.copyOf(methods);
        artifacts = List.copyOf(artifacts);
    }

    /** Returns the original model's row followed by the methods' rows. */
    public List<ModelResult> rows() {
        List<ModelResult> rows = new java.util.ArrayList<>();
        rows.add(original);
        rows.addAll(methods);
        return rows;
    }
}

package dev.barrier.report.internal;

import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.RunResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The charts the {@code plots} reporter draws for a run, decided from the results alone, and the charts it
 * leaves out with the reason. The summaries use the same plan to link to the charts.
 */
final class PlotPlan {

    /** The series key of per-class accuracy. */
    static final String PER_CLASS_ACCURACY = "perClassAccuracy";
    /** The file name of the chart of percentage metrics. */
    static final String METRICS_FILE = "metrics.png";

    /** The content of a chart. */
    enum Kind {
        /** The original model's per-class accuracy against one method's. */
        PER_CLASS_ACCURACY,
        /** One method's certificate per layer: bound against measured drift. */
        CERTIFICATE,
        /** The percentage metrics of every model. */
        METRICS
    }

    /**
     * One chart.
     *
     * @param kind     what the chart shows
     * @param fileName the PNG file's name in the artifacts folder
     * @param caption  one sentence saying what the chart shows
     * @param method   the method it is about, or null for {@link Kind#METRICS}
     */
    record Chart(Kind kind, String fileName, String caption, ModelResult method) {
    }

    private final List<Chart> charts;
    private final List<String> skipped;

    private PlotPlan(List<Chart> charts, List<String> skipped) {
        this.charts = List.copyOf(charts);
        this.skipped = List.copyOf(skipped);
    }

    /** Plans the charts for {@code results}; missing data leads to skipped charts, never to an exception. */
    static PlotPlan of(RunResults results) {
        List<Chart> charts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        perClassAccuracy(results, charts, skipped);
        for (ModelResult method : results.methods()) {
            if (!method.certificate().isEmpty()) {
                charts.add(new Chart(Kind.CERTIFICATE, "certificate-" + fileSafe(method.id()) + ".png",
                        "Certificate of " + method.label() + ": bound and measured drift per layer", method));
            }
        }
        List<MetricSpec> percentages = percentMetrics(results);
        if (percentages.isEmpty() || metricRows(results, percentages).isEmpty()) {
            skipped.add(METRICS_FILE + ": no model has a percentage metric");
        } else {
            charts.add(new Chart(Kind.METRICS, METRICS_FILE, percentages.stream().map(MetricSpec::label)
                    .collect(Collectors.joining(", ")) + " (%) of each model", null));
        }
        return new PlotPlan(charts, skipped);
    }

    private static void perClassAccuracy(RunResults results, List<Chart> charts, List<String> skipped) {
        double[] original = results.original() == null ? null : results.original().series().get(PER_CLASS_ACCURACY);
        if (original == null || original.length == 0) {
            skipped.add("per-class accuracy charts: the original model has no '" + PER_CLASS_ACCURACY + "' series");
            return;
        }
        for (ModelResult method : results.methods()) {
            String file = "per-class-accuracy-" + fileSafe(method.id()) + ".png";
            double[] series = method.series().get(PER_CLASS_ACCURACY);
            if (series == null) {
                skipped.add(file + ": method '" + method.id() + "' has no per-class accuracy (status "
                        + method.status().name().toLowerCase(Locale.ROOT) + ")");
            } else if (series.length != original.length) {
                skipped.add(file + ": method '" + method.id() + "' has " + series.length
                        + " per-class values, the original model " + original.length);
            } else {
                charts.add(new Chart(Kind.PER_CLASS_ACCURACY, file, "Per-class test accuracy of " + method.label()
                        + " against the original model", method));
            }
        }
    }

    /** Returns the planned charts, in drawing order. */
    List<Chart> charts() {
        return charts;
    }

    /** Returns one line per chart left out, with the reason. */
    List<String> skipped() {
        return skipped;
    }

    /** Returns the metrics measured in percent, in column order. */
    static List<MetricSpec> percentMetrics(RunResults results) {
        return results.metrics().stream().filter(m -> "%".equals(m.unit())).toList();
    }

    /** Returns the rows (original first) that have a finite value of at least one of {@code metrics}. */
    static List<ModelResult> metricRows(RunResults results, List<MetricSpec> metrics) {
        List<ModelResult> rows = new ArrayList<>();
        for (ModelResult row : results.rows()) {
            if (row == null) {
                continue;
            }
            Map<String, Double> values = row.metrics();
            if (metrics.stream().map(m -> values.get(m.key())).anyMatch(v -> v != null && Double.isFinite(v))) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Returns the class names for {@code count} classes: the run's {@code classes} entry when it lists that
     * many, otherwise the indices 0 to count − 1.
     */
    static List<String> classNames(RunResults results, int count) {
        if (results.data().get("classes") instanceof List<?> names && names.size() == count) {
            return names.stream().map(String::valueOf).toList();
        }
        List<String> indices = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            indices.add(Integer.toString(c));
        }
        return indices;
    }

    /** Returns {@code id} with every character other than letters, digits, '.', '_' and '-' replaced by '_'. */
    static String fileSafe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

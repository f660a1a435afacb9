package dev.barrier.report.internal;

import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.RunResults;
import dev.barrier.report.internal.Document.BulletList;
import dev.barrier.report.internal.Document.Figure;
import dev.barrier.report.internal.Document.Heading;
import dev.barrier.report.internal.Document.Item;
import dev.barrier.report.internal.Document.Paragraph;
import dev.barrier.report.internal.Document.Table;

import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the summary of a run: title and times, environment, data, the method × metric table, the
 * certificates, each model's effective settings, notes, and the plots.
 */
final class SummaryBuilder {

    /** The sentence under every certificate table. */
    static final String CERTIFICATE_MEANING = "Bound: the worst-case change of any output unit of the layer over"
            + " the protected region (outside the forget box, inside the outer box), for inputs whose residual"
            + " component is zero, computed from the final weights; it says nothing about residual directions."
            + " Mean shift: the largest change of an output unit at the forget mean. Drift: the change of the"
            + " layer's outputs measured on retain rows, over all of them and over those in the protected region."
            + " The retain columns give the percentage of retain rows inside the forget box (unprotected), in the"
            + " protected region and outside the outer box.";

    /** Readable names of the runtime's environment keys. */
    private static final Map<String, String> ENVIRONMENT_LABELS = Map.of("engine", "Engine", "java", "Java", "os",
            "Operating system", "processors", "Processors", "maxHeapMiB", "Maximum heap (MiB)", "seed", "Seed");

    private SummaryBuilder() {
    }

    /**
     * Builds the document.
     *
     * @param plots the plots to show, with paths relative to the run folder
     */
    static Document build(RunResults results, List<Figure> plots) {
        Document document = new Document();
        String name = results.name() == null || results.name().isBlank() ? "Unlearning run" : results.name();
        document.add(new Heading(1, name + ": run " + results.runId()));
        document.add(new Paragraph(times(results)));

        document.add(new Heading(2, "Environment"));
        document.add(new BulletList(environment(results.environment())));
        document.add(new Heading(2, "Data"));
        document.add(new BulletList(data(results.data())));

        document.add(new Heading(2, "Results"));
        resultsTable(document, results);
        certificates(document, results);
        settings(document, results);
        notes(document, results);
        if (!plots.isEmpty()) {
            document.add(new Heading(2, "Plots"));
            plots.forEach(document::add);
        }
        return document;
    }

    /**
     * Returns the charts of the {@code plots} reporter to show: those whose file exists in the artifacts folder
     * now, and, when the run's configuration lists that reporter, every planned one (reporters run one after
     * another, so the plots may not have been drawn yet).
     */
    static List<Figure> plotLinks(RunResults results, Path runFolder, Path artifactsFolder) {
        boolean plotsConfigured = reporterConfigured(results, PlotsReporter.NAME);
        List<Figure> links = new ArrayList<>();
        for (PlotPlan.Chart chart : PlotPlan.of(results).charts()) {
            Path file = artifactsFolder.resolve(chart.fileName());
            if (plotsConfigured || Files.isRegularFile(file)) {
                Path relative = runFolder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
                links.add(new Figure(chart.caption(),
                        relative.toString().replace(relative.getFileSystem().getSeparator(), "/")));
            }
        }
        return links;
    }

    /** Returns whether the run's {@code reporters} list names {@code reporter}. */
    static boolean reporterConfigured(RunResults results, String reporter) {
        if (results.configuration().get("reporters") instanceof Collection<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> section && reporter.equals(section.get("reporter"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String times(RunResults results) {
        String text = "Started " + Formats.time(results.started()) + ", finished " + Formats.time(results.finished());
        if (results.started() != null && results.finished() != null) {
            double seconds = Duration.between(results.started(), results.finished()).toMillis() / 1000.0;
            text += " (" + Formats.duration(seconds) + ")";
        }
        return text + ".";
    }

    private static List<Item> environment(Map<String, Object> environment) {
        List<Item> items = new ArrayList<>();
        environment.forEach((key, value) -> items.add(item(ENVIRONMENT_LABELS.getOrDefault(key, key), value)));
        return items;
    }

    /** Lists the runtime's data keys with readable names, then any others as they are. */
    private static List<Item> data(Map<String, Object> data) {
        Map<String, Object> rest = new LinkedHashMap<>(data);
        List<Item> items = new ArrayList<>();
        List<?> classes = rest.remove("classes") instanceof List<?> list ? list : List.of();
        addIfPresent(items, rest, "source", "Source", "");
        addIfPresent(items, rest, "train", "Training images", "");
        addIfPresent(items, rest, "test", "Test images", "");
        if (rest.get("imageShape") instanceof List<?> shape) {
            rest.remove("imageShape");
            items.add(Item.of("Image shape: " + shape.stream().map(String::valueOf).collect(Collectors.joining("x"))));
        }
        if (!classes.isEmpty()) {
            items.add(Item.of("Classes (" + classes.size() + "): " + classes.stream().map(String::valueOf)
                    .collect(Collectors.joining(", "))));
        }
        addIfPresent(items, rest, "scenario", "Forget scenario", "");
        if (rest.get("forgottenClasses") instanceof List<?> forgotten) {
            rest.remove("forgottenClasses");
            items.add(Item.of("Forgotten classes: " + (forgotten.isEmpty() ? "none"
                    : forgotten.stream().map(c -> className(c, classes)).collect(Collectors.joining(", ")))));
        }
        addIfPresent(items, rest, "forget", "Forget set", " images");
        addIfPresent(items, rest, "retain", "Retain set", " images");
        addIfPresent(items, rest, "testUsed", "Test set for TA and MIA", " images");
        addIfPresent(items, rest, "testForget", "Test images of the forgotten classes", "");
        rest.forEach((key, value) -> items.add(item(key, value)));
        return items;
    }

    private static void addIfPresent(List<Item> items, Map<String, Object> rest, String key, String label,
            String suffix) {
        if (rest.containsKey(key)) {
            items.add(Item.of(label + ": " + Formats.value(rest.remove(key)) + suffix));
        }
    }

    private static String className(Object index, List<?> classes) {
        if (index instanceof Number number && number.intValue() >= 0 && number.intValue() < classes.size()) {
            return number.intValue() + " (" + classes.get(number.intValue()) + ")";
        }
        return String.valueOf(index);
    }

    private static void resultsTable(Document document, RunResults results) {
        List<MetricSpec> columns = metricColumns(results);
        List<String> header = new ArrayList<>(List.of("Method", "Plug-in", "Status"));
        List<Boolean> numeric = new ArrayList<>(List.of(false, false, false));
        for (MetricSpec metric : columns) {
            header.add(metric.unit() == null || metric.unit().isEmpty() ? metric.label()
                    : metric.label() + " (" + metric.unit() + ")");
            numeric.add(true);
        }
        header.add("Wall time");
        numeric.add(true);

        List<List<String>> rows = new ArrayList<>();
        for (ModelResult row : rows(results)) {
            List<String> cells = new ArrayList<>(List.of(row.label() == null ? row.id() : row.label(),
                    row.plugin() == null ? "" : row.plugin(), Formats.status(row)));
            for (MetricSpec metric : columns) {
                cells.add(Formats.metric(row.metrics().get(metric.key())));
            }
            cells.add(Formats.duration(row.seconds()));
            rows.add(cells);
        }
        document.add(new Table(header, numeric, rows));

        List<Item> legend = new ArrayList<>();
        for (MetricSpec metric : columns) {
            String direction = metric.higherIsBetter() == null ? ""
                    : metric.higherIsBetter() ? " Higher is better." : " Lower is better.";
            String description = metric.description() == null ? "" : metric.description().strip();
            if (!description.isEmpty() && !description.endsWith(".")) {
                description += ".";
            }
            legend.add(Item.of(metric.label() + ": " + description + direction));
        }
        if (!legend.isEmpty()) {
            document.add(new BulletList(legend));
        }
    }

    /** Returns the described metrics in order, then keys that rows hold without a description. */
    private static List<MetricSpec> metricColumns(RunResults results) {
        List<MetricSpec> columns = new ArrayList<>(results.metrics());
        Set<String> described = columns.stream().map(MetricSpec::key).collect(Collectors.toSet());
        Set<String> extra = new LinkedHashSet<>();
        for (ModelResult row : rows(results)) {
            row.metrics().keySet().stream().filter(k -> !described.contains(k)).forEach(extra::add);
        }
        for (String key : extra) {
            columns.add(new MetricSpec(key, key, "", null, false, "No description was recorded."));
        }
        return columns;
    }

    private static void certificates(Document document, RunResults results) {
        List<ModelResult> certified = results.methods().stream().filter(m -> !m.certificate().isEmpty()).toList();
        if (certified.isEmpty()) {
            return;
        }
        document.add(new Heading(2, "Certificates"));
        List<String> header = List.of("Layer", "Bound", "Mean shift", "Drift mean", "Drift max",
                "Drift max (protected)", "Retain in forget box (%)", "Retain protected (%)", "Retain outside (%)",
                "Retain rows");
        List<Boolean> numeric = List.of(false, true, true, true, true, true, true, true, true, true);
        for (ModelResult method : certified) {
            document.add(new Heading(3, method.label()));
            List<List<String>> rows = new ArrayList<>();
            List<Item> notes = new ArrayList<>();
            for (LayerCertificate layer : method.certificate()) {
                rows.add(List.of(layer.layer(), Formats.quantity(layer.bound()), Formats.quantity(layer.meanShift()),
                        Formats.quantity(layer.driftMean()), Formats.quantity(layer.driftMax()),
                        Formats.quantity(layer.driftMaxProtected()), Formats.percentOfFraction(layer.retainInForgetBox()),
                        Formats.percentOfFraction(layer.retainProtected()),
                        Formats.percentOfFraction(layer.retainOutside()), Long.toString(layer.retainRows())));
                layer.notes().forEach(note -> notes.add(Item.of(layer.layer() + ": " + note)));
            }
            document.add(new Table(header, numeric, rows));
            document.add(new Paragraph(CERTIFICATE_MEANING));
            if (!notes.isEmpty()) {
                document.add(new BulletList(notes));
            }
        }
    }

    private static void settings(Document document, RunResults results) {
        document.add(new Heading(2, "Settings"));
        for (ModelResult row : rows(results)) {
            String plugin = row.plugin() == null || row.plugin().isEmpty() ? "" : " (" + row.plugin() + ")";
            document.add(new Heading(3, row.label() + plugin));
            if (row.settings().isEmpty()) {
                document.add(new Paragraph("No settings recorded."));
            } else {
                document.add(new BulletList(items(row.settings())));
            }
        }
    }

    private static void notes(Document document, RunResults results) {
        List<ModelResult> withNotes = rows(results).stream().filter(r -> !r.notes().isEmpty()).toList();
        if (withNotes.isEmpty()) {
            return;
        }
        document.add(new Heading(2, "Notes"));
        for (ModelResult row : withNotes) {
            document.add(new Heading(3, row.label()));
            document.add(new BulletList(row.notes().stream().map(Item::of).toList()));
        }
    }

    private static List<ModelResult> rows(RunResults results) {
        return results.rows().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Returns a map's entries as items; nested maps and lists of maps become nested items. */
    static List<Item> items(Map<?, ?> map) {
        List<Item> items = new ArrayList<>();
        map.forEach((key, value) -> items.add(item(String.valueOf(key), value)));
        return items;
    }

    private static Item item(String label, Object value) {
        Object plain = value != null && value.getClass().isArray() ? arrayToList(value) : value;
        if (plain instanceof Map<?, ?> map) {
            return map.isEmpty() ? Item.of(label + ": (empty)") : new Item(label + ":", items(map));
        }
        if (plain instanceof Collection<?> list) {
            if (list.stream().noneMatch(e -> e instanceof Map<?, ?> || e instanceof Collection<?>
                    || (e != null && e.getClass().isArray()))) {
                return Item.of(label + ": [" + list.stream().map(Formats::value).collect(Collectors.joining(", "))
                        + "]");
            }
            List<Item> children = new ArrayList<>();
            int index = 0;
            for (Object element : list) {
                children.add(item("[" + index++ + "]", element));
            }
            return new Item(label + ":", children);
        }
        return Item.of(label + ": " + Formats.value(plain));
    }

    private static List<Object> arrayToList(Object array) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            list.add(Array.get(array, i));
        }
        return list;
    }
}

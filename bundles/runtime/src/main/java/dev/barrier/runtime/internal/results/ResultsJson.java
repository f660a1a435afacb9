package dev.barrier.runtime.internal.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.barrier.api.eval.MetricSpec;
import dev.barrier.api.region.LayerCertificate;
import dev.barrier.api.report.MethodStatus;
import dev.barrier.api.report.ModelResult;
import dev.barrier.api.report.RunResults;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts {@link RunResults} to and from the JSON of {@code metrics.json}. The keys are part of the
 * platform's contract: tools read them, so they change only with {@link #SCHEMA_VERSION}. Non-finite numbers
 * are written as {@code null}.
 */
public final class ResultsJson {

    /** The version of the file's layout, written as {@code schema}. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    /** Returns the JSON text for {@code results}. */
    public static String write(RunResults results) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA_VERSION);
        ObjectNode run = root.putObject("run");
        run.put("id", results.runId());
        run.put("name", results.name());
        run.put("started", results.started().toString());
        run.put("finished", results.finished().toString());
        root.set("environment", JSON.valueToTree(sanitize(results.environment())));
        root.set("data", JSON.valueToTree(sanitize(results.data())));
        ArrayNode metrics = root.putArray("metrics");
        for (MetricSpec spec : results.metrics()) {
            ObjectNode node = metrics.addObject();
            node.put("key", spec.key());
            node.put("label", spec.label());
            node.put("unit", spec.unit());
            if (spec.higherIsBetter() == null) {
                node.putNull("higherIsBetter");
            } else {
                node.put("higherIsBetter", spec.higherIsBetter());
            }
            node.put("inAverageGap", spec.inAverageGap());
            node.put("description", spec.description());
        }
        root.set("original", model(results.original()));
        ArrayNode methods = root.putArray("methods");
        for (ModelResult result : results.methods()) {
            methods.add(model(result));
        }
        root.set("configuration", JSON.valueToTree(sanitize(results.configuration())));
        ArrayNode artifacts = root.putArray("artifacts");
        results.artifacts().forEach(artifacts::add);
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode model(ModelResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", result.id());
        node.put("label", result.label());
        node.put("plugin", result.plugin());
        node.put("status", result.status().name().toLowerCase(Locale.ROOT));
        node.put("detail", result.detail());
        putNumber(node, "seconds", result.seconds());
        ObjectNode metrics = node.putObject("metrics");
        result.metrics().forEach((key, value) -> putNumber(metrics, key, value));
        ObjectNode series = node.putObject("series");
        result.series().forEach((key, values) -> {
            ArrayNode array = series.putArray(key);
            for (double value : values) {
                if (Double.isFinite(value)) {
                    array.add(value);
                } else {
                    array.addNull();
                }
            }
        });
        ArrayNode certificate = node.putArray("certificate");
        for (LayerCertificate layer : result.certificate()) {
            ObjectNode c = certificate.addObject();
            c.put("layer", layer.layer());
            c.put("outputUnits", layer.outputUnits());
            putNumber(c, "bound", layer.bound());
            putNumber(c, "meanShift", layer.meanShift());
            c.put("retainRows", layer.retainRows());
            putNumber(c, "retainInForgetBox", layer.retainInForgetBox());
            putNumber(c, "retainProtected", layer.retainProtected());
            putNumber(c, "retainOutside", layer.retainOutside());
            putNumber(c, "driftMean", layer.driftMean());
            putNumber(c, "driftMax", layer.driftMax());
            putNumber(c, "driftMaxProtected", layer.driftMaxProtected());
            ArrayNode notes = c.putArray("notes");
            layer.notes().forEach(notes::add);
        }
        node.set("settings", JSON.valueToTree(sanitize(result.settings())));
        ArrayNode notes = node.putArray("notes");
        result.notes().forEach(notes::add);
        return node;
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /** Replaces non-finite doubles by null and arrays by lists, recursively. */
    private static Object sanitize(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        if (value instanceof double[] array) {
            List<Object> out = new ArrayList<>();
            for (double d : array) {
                out.add(sanitize(d));
            }
            return out;
        }
        if (value instanceof int[] array) {
            List<Object> out = new ArrayList<>();
            for (int i : array) {
                out.add(i);
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sanitize(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(sanitize(v)));
            return out;
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }

    /**
     * Reads results written by {@link #write}.
     *
     * @throws IOException if the text is not such a file
     */
    public static RunResults read(String text) throws IOException {
        JsonNode root = JSON.readTree(text);
        if (root == null || root.path("schema").asInt(-1) != SCHEMA_VERSION) {
            throw new IOException("not a metrics file of schema " + SCHEMA_VERSION);
        }
        List<MetricSpec> specs = new ArrayList<>();
        for (JsonNode node : root.path("metrics")) {
            JsonNode higher = node.path("higherIsBetter");
            specs.add(new MetricSpec(node.path("key").asText(), node.path("label").asText(), node.path("unit").asText(),
                    higher.isBoolean() ? higher.asBoolean() : null, node.path("inAverageGap").asBoolean(),
                    node.path("description").asText()));
        }
        List<ModelResult> methods = new ArrayList<>();
        for (JsonNode node : root.path("methods")) {
            methods.add(readModel(node));
        }
        List<String> artifacts = new ArrayList<>();
        root.path("artifacts").forEach(a -> artifacts.add(a.asText()));
        JsonNode run = root.path("run");
        return new RunResults(run.path("id").asText(), run.path("name").asText(), Instant.parse(run.path("started").asText()),
                Instant.parse(run.path("finished").asText()), toMap(root.path("environment")), toMap(root.path("data")),
                toMap(root.path("configuration")), specs, readModel(root.path("original")), methods, artifacts);
    }

    private static ModelResult readModel(JsonNode node) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("metrics").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            metrics.put(field.getKey(), number(field.getValue()));
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        fields = node.path("series").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            double[] values = new double[field.getValue().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = number(field.getValue().get(i));
            }
            series.put(field.getKey(), values);
        }
        List<LayerCertificate> certificate = new ArrayList<>();
        for (JsonNode c : node.path("certificate")) {
            List<String> notes = new ArrayList<>();
            c.path("notes").forEach(n -> notes.add(n.asText()));
            certificate.add(new LayerCertificate(c.path("layer").asText(), c.path("outputUnits").asInt(),
                    number(c.path("bound")), number(c.path("meanShift")), c.path("retainRows").asLong(),
                    number(c.path("retainInForgetBox")), number(c.path("retainProtected")),
                    number(c.path("retainOutside")), number(c.path("driftMean")), number(c.path("driftMax")),
                    number(c.path("driftMaxProtected")), notes));
        }
        List<String> notes = new ArrayList<>();
        node.path("notes").forEach(n -> notes.add(n.asText()));
        return new ModelResult(node.path("id").asText(), node.path("label").asText(), node.path("plugin").asText(),
                MethodStatus.valueOf(node.path("status").asText("completed").toUpperCase(Locale.ROOT)),
                node.path("detail").asText(), number(node.path("seconds")), metrics, series, certificate,
                toMap(node.path("settings")), notes);
    }

    private static double number(JsonNode node) {
        return node == null || !node.isNumber() ? Double.NaN : node.asDouble();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        return JSON.convertValue(node, LinkedHashMap.class);
    }
}

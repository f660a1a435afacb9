package dev.barrier.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reference case of the protection loss, read from {@code golden/protection-loss/NAME.json} on the class
 * path. The values were computed by the method's reference implementation; see the README beside the files.
 */
public final class GoldenCase {

    /** The names of every case, without the {@code .json} suffix. */
    public static final List<String> NAMES = List.of("conv_and_linear_svd", "conv_only_lambda10_unnormalized",
            "linear_actual_bounds", "linear_pca", "linear_remove_top", "linear_skip_interval", "linear_skip_svd",
            "linear_svd");

    /** A row-major tensor: its shape and its values in float64. */
    public record Tensor(long[] shape, double[] data) {

        /** Returns the number of elements. */
        public int size() {
            return data.length;
        }

        /** Returns the value at a flat index. */
        public double at(int index) {
            return data[index];
        }

        /** Returns the data as float32, for DJL arrays. */
        public float[] floats() {
            float[] out = new float[data.length];
            for (int i = 0; i < data.length; i++) {
                out[i] = (float) data[i];
            }
            return out;
        }

        /** Returns a 2-D tensor as rows. */
        public double[][] rows() {
            if (shape.length != 2) {
                throw new IllegalStateException("expected a 2-D tensor, got " + shape.length + " dimensions");
            }
            int r = (int) shape[0];
            int c = (int) shape[1];
            double[][] out = new double[r][c];
            for (int i = 0; i < r; i++) {
                System.arraycopy(data, i * c, out[i], 0, c);
            }
            return out;
        }
    }

    /** The statistics the reference fitted for one target layer. */
    public record Fitted(String layer, Tensor mu, Tensor forgetProjector, Tensor residualSingularValues,
            Tensor zWidth, Tensor infWidth, Map<String, Tensor> asComputed) {
    }

    private final String name;
    private final JsonNode root;

    private GoldenCase(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** Loads a case by name. */
    public static GoldenCase load(String name) {
        String resource = "/golden/protection-loss/" + name + ".json";
        try (InputStream in = GoldenCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden case " + resource + "; cases: " + NAMES);
            }
            return new GoldenCase(name, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Returns the case name. */
    public String name() {
        return name;
    }

    /** Returns the target layer names, in order. */
    public List<String> targets() {
        List<String> out = new ArrayList<>();
        root.path("targets").forEach(t -> out.add(t.asText()));
        return out;
    }

    /** Returns the reference's options as written (numbers as Double, flags as Boolean, text as String). */
    public Map<String, Object> options() {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.path("options").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            out.put(field.getKey(), value.isBoolean() ? (Object) value.asBoolean()
                    : value.isNumber() ? (Object) value.asDouble() : value.asText());
        }
        return out;
    }

    /** Returns a numeric option, or {@code defaultValue} when absent. */
    public double option(String key, double defaultValue) {
        JsonNode value = root.path("options").get(key);
        return value == null || !value.isNumber() ? defaultValue : value.asDouble();
    }

    /** Returns a flag option, false when absent. */
    public boolean flag(String key) {
        JsonNode value = root.path("options").get(key);
        return value != null && value.asBoolean(false);
    }

    /** Returns the model inputs of the forget set [N, 3, 6, 6]. */
    public Tensor forgetInputs() {
        return tensor(root.path("forget_inputs"));
    }

    /** Returns the model inputs of the retain set. */
    public Tensor remainInputs() {
        return tensor(root.path("remain_inputs"));
    }

    /** Returns a target layer's input for the forget inputs. */
    public Tensor layerInputForget(String layer) {
        return tensor(root.path("target_layer_inputs_forget").path(layer));
    }

    /** Returns a target layer's input for the retain inputs. */
    public Tensor layerInputRemain(String layer) {
        return tensor(root.path("target_layer_inputs_remain").path(layer));
    }

    /** Returns a parameter before the perturbation, such as {@code fc.weight}. */
    public Tensor weightBefore(String parameter) {
        return tensor(root.path("weights_before").path(parameter));
    }

    /** Returns a parameter after the perturbation. */
    public Tensor weightAfter(String parameter) {
        return tensor(root.path("weights_after").path(parameter));
    }

    /** Returns the fitted statistics of each target, in order. */
    public List<Fitted> fitted() {
        List<Fitted> out = new ArrayList<>();
        for (JsonNode node : root.path("fitted")) {
            Map<String, Tensor> asComputed = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.path("as_computed").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                asComputed.put(field.getKey(), tensor(field.getValue()));
            }
            out.add(new Fitted(node.path("layer").asText(), tensor(node.path("mu")), tensor(node.path("forget_projector")),
                    tensor(node.path("residual_singular_values")), tensor(node.path("z_width")),
                    tensor(node.path("inf_width")), asComputed));
        }
        return out;
    }

    /** Returns the reference's loss for the perturbed weights. */
    public double loss() {
        return root.path("loss").asDouble();
    }

    /** Returns the names of the parameters that have a reference gradient. */
    public List<String> gradientParameters() {
        List<String> out = new ArrayList<>();
        root.path("gradient").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Returns the reference gradient of one parameter. */
    public Tensor gradient(String parameter) {
        return tensor(root.path("gradient").path(parameter));
    }

    private static Tensor tensor(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        JsonNode shapeNode = node.path("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        JsonNode dataNode = node.path("data");
        List<Double> values = new ArrayList<>();
        flatten(dataNode, values);
        double[] data = new double[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = values.get(i);
        }
        return new Tensor(shape, data);
    }

    private static void flatten(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.forEach(child -> flatten(child, out));
        } else if (node.isNumber()) {
            out.add(node.asDouble());
        }
    }

    /**
     * Asserts the README's tolerance: every element within 1e-4 × max(|golden element|, max |golden| × 1e-2).
     *
     * @return null when the tensors agree, else a message naming the first element that does not
     */
    public static String compare(String what, Tensor golden, double[] actual) {
        if (golden.size() != actual.length) {
            return what + ": expected " + golden.size() + " elements, got " + actual.length;
        }
        double largest = 0;
        for (double v : golden.data()) {
            largest = Math.max(largest, Math.abs(v));
        }
        for (int i = 0; i < actual.length; i++) {
            double tolerance = 1e-4 * Math.max(Math.abs(golden.at(i)), largest * 1e-2);
            if (!(Math.abs(actual[i] - golden.at(i)) <= tolerance)) {
                return what + "[" + i + "]: expected " + golden.at(i) + " within " + tolerance + ", got " + actual[i];
            }
        }
        return null;
    }
}

package dev.barrier.loss.barrier.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.loss.ProtectedLayer;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.NetworkModel;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.RegionMode;
import dev.barrier.testing.FreedMemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invariants of the protection loss on the small convolutional network, with random statistics drawn from
 * fixed seeds: conv2 protected on patch rows (d = 72, k = 5, 216 rows), fc on its inputs (d = 6, k = 3,
 * 24 rows). Values are float32; tolerances are stated per test. Expected values come from
 * {@link ReferenceFormulas}, a double-precision loop implementation of the same formulas.
 */
class BarrierLossTest {

    /** Relative agreement of float32 results with double-precision formulas. */
    private static final double FLOAT_TOLERANCE = 1e-5;

    @ParameterizedTest
    @EnumSource(RegionMode.class)
    void valueAndGradientMatchDoublePrecisionFormulas(RegionMode mode) {
        try (NDManager manager = NDManager.newBaseManager();
                SmallConvModel model = new SmallConvModel(manager.newSubManager(), 1, 3);
                BarrierLoss loss = Fixtures.loss(Map.of("lambda", 2.5))) {
            Random random = new Random(21);
            List<ProtectedLayer> layers = protect(model, Fixtures.CONV_PATCH, mode, random);
            Snapshot before = Snapshot.of(model, layers);
            loss.prepare(layers, model);
            Fixtures.perturb(model, 0.05, random);

            Map<String, Parameter> targets = targets(model, "conv2", "fc");
            double value = computeWithGradient(loss, model, targets);
            double expected = 2.5 * reference(model, layers, before, loss.settings()) / 2;
            assertEquals(expected, value, FLOAT_TOLERANCE * expected, mode + " value");

            // Central differences of the double-precision formulas are exact up to rounding away from the kinks
            // of max(., 0), because the loss is piecewise quadratic in the weights.
            double step = 1e-4;
            for (String name : List.of("fc.weight", "fc.bias", "conv2.weight")) {
                NDArray parameter = targets.get(name).getArray();
                float[] gradient = parameter.getGradient().toFloatArray();
                float[] values = parameter.toFloatArray();
                double largest = 0;
                double[] numeric = new double[values.length];
                for (int i = 0; i < values.length; i += name.equals("conv2.weight") ? 7 : 1) {
                    float original = values[i];
                    values[i] = original + (float) step;
                    parameter.set(values);
                    double up = reference(model, layers, before, loss.settings());
                    values[i] = original - (float) step;
                    parameter.set(values);
                    double down = reference(model, layers, before, loss.settings());
                    values[i] = original;
                    parameter.set(values);
                    // The float32 step actually taken, which differs from 1e-4 in its last bits.
                    double actualStep = (double) (original + (float) step) - (double) (original - (float) step);
                    numeric[i] = 2.5 * (up - down) / actualStep / 2;
                    largest = Math.max(largest, Math.abs(numeric[i]));
                }
                for (int i = 0; i < values.length; i += name.equals("conv2.weight") ? 7 : 1) {
                    assertEquals(numeric[i], gradient[i], 1e-3 * largest, mode + " gradient of " + name + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void complementIgnoresDirectionSign() {
        Map<RegionMode, double[]> changes = new java.util.EnumMap<>(RegionMode.class);
        for (RegionMode mode : RegionMode.values()) {
            try (NDManager manager = NDManager.newBaseManager();
                    SmallConvModel model = new SmallConvModel(manager.newSubManager(), 1, 5)) {
                Random random = new Random(8);
                List<ProtectedLayer> layers = protect(model, Fixtures.CONV_PATCH, mode, random);
                Map<String, float[]> start = Fixtures.values(model);
                Fixtures.perturb(model, 0.05, random);
                Map<String, float[]> perturbed = Fixtures.values(model);

                double original = evaluate(layers, model, start, perturbed);
                List<ProtectedLayer> flipped = new ArrayList<>();
                for (ProtectedLayer layer : layers) {
                    flipped.add(flipDirection(layer, 1));
                }
                double afterFlip = evaluate(flipped, model, start, perturbed);
                changes.put(mode, new double[] {original, afterFlip});
            }
        }
        double[] complement = changes.get(RegionMode.COMPLEMENT);
        assertEquals(complement[0], complement[1], 1e-6 * complement[0], "complement loss after flipping direction 1");
        double[] corner = changes.get(RegionMode.CORNER);
        assertTrue(Math.abs(corner[0] - corner[1]) > 1e-3 * corner[0],
                "corner loss depends on the sign: " + corner[0] + " and " + corner[1]);
    }

    @ParameterizedTest
    @EnumSource(RegionMode.class)
    void zeroWithZeroGradientAtSnapshot(RegionMode mode) {
        try (NDManager manager = NDManager.newBaseManager();
                SmallConvModel model = new SmallConvModel(manager.newSubManager(), 1, 4);
                BarrierLoss loss = Fixtures.loss(Map.of())) {
            List<ProtectedLayer> layers = protect(model, Fixtures.CONV_PATCH, mode, new Random(4));
            loss.prepare(layers, model);
            Map<String, Parameter> targets = targets(model, "conv2", "fc");

            assertEquals(0.0, computeWithGradient(loss, model, targets), 0.0, "loss at W = W0");
            for (Map.Entry<String, Parameter> target : targets.entrySet()) {
                float largest = target.getValue().getArray().getGradient().abs().max().getFloat();
                assertEquals(0f, largest, 0f, "gradient of " + target.getKey() + " at W = W0");
            }
            loss.lastTerms().forEach((term, value) -> assertEquals(0.0, value, 0.0, term + " at W = W0"));

            // The snapshot is a copy: an in-place change of the weights moves the loss away from zero.
            model.weight("fc").getArray().addi(0.01f);
            assertTrue(loss.compute(model).getFloat() > 0, "loss after an in-place update");
        }
    }

    @Test
    void termsSwitchOffIndependently() {
        String[] keys = {"meanTerm", "residualTerm", "intervalTerm"};
        String[] names = {BarrierLoss.MEAN, BarrierLoss.RESIDUAL, BarrierLoss.INTERVAL};
        try (NDManager manager = NDManager.newBaseManager();
                SmallConvModel model = new SmallConvModel(manager.newSubManager(), 1, 6)) {
            Random random = new Random(6);
            List<ProtectedLayer> layers = protect(model, Fixtures.CONV_PATCH, RegionMode.COMPLEMENT, random);
            Map<String, float[]> start = Fixtures.values(model);
            Fixtures.perturb(model, 0.05, random);
            Map<String, float[]> perturbed = Fixtures.values(model);

            Map<String, Double> all;
            double total;
            try (BarrierLoss loss = Fixtures.loss(Map.of("lambda", 3.0))) {
                total = evaluate(loss, layers, model, start, perturbed);
                all = loss.lastTerms();
            }
            assertEquals(List.of(names), List.copyOf(all.keySet()));
            double sum = all.values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(3.0 * sum / 2, total, FLOAT_TOLERANCE * total, "total = lambda * sum of terms / 2 layers");

            for (int on = 0; on < keys.length; on++) {
                Map<String, Object> values = new java.util.HashMap<>();
                values.put("lambda", 3.0);
                for (int i = 0; i < keys.length; i++) {
                    values.put(keys[i], i == on);
                }
                try (BarrierLoss loss = Fixtures.loss(values)) {
                    double single = evaluate(loss, layers, model, start, perturbed);
                    Map<String, Double> terms = loss.lastTerms();
                    assertEquals(List.of(names[on]), List.copyOf(terms.keySet()), "terms reported with only " + keys[on]);
                    double expected = all.get(names[on]);
                    assertTrue(expected > 0, names[on] + " is positive here");
                    assertEquals(expected, terms.get(names[on]), FLOAT_TOLERANCE * expected, names[on]);
                    assertEquals(3.0 * expected / 2, single, FLOAT_TOLERANCE * single, "loss with only " + keys[on]);
                }
            }
        }
    }

    @Test
    void perRowResidualIsReferenceOverRowCount() {
        try (NDManager manager = NDManager.newBaseManager();
                SmallConvModel model = new SmallConvModel(manager.newSubManager(), 1, 7)) {
            Random random = new Random(7);
            List<ProtectedLayer> layers = protect(model, Fixtures.CONV_PATCH, RegionMode.CORNER, random);
            Map<String, float[]> start = Fixtures.values(model);
            Fixtures.perturb(model, 0.05, random);
            Map<String, float[]> perturbed = Fixtures.values(model);

            double perRowSum = 0;
            for (ProtectedLayer layer : layers) {
                double reference = residualOnly(List.of(layer), "reference", model, start, perturbed);
                double perRow = residualOnly(List.of(layer), "per-row", model, start, perturbed);
                long rows = layer.projection().rowCount();
                assertEquals(reference / rows, perRow, FLOAT_TOLERANCE * perRow, layer.displayName());
                perRowSum += perRow;
            }
            // Each layer is divided by its own row count (216 and 24 here).
            double both = residualOnly(layers, "per-row", model, start, perturbed);
            assertEquals(perRowSum / 2, both, FLOAT_TOLERANCE * both, "two layers, normalised");
        }
    }

    @Test
    void groupedLayerAveragesItsGroups() {
        try (NDManager manager = NDManager.newBaseManager();
                SmallConvModel model = new SmallConvModel(manager.newSubManager(), 2, 9)) {
            Random random = new Random(9);
            List<ProtectedLayer> layers = protect(model, Fixtures.CONV_PATCH, RegionMode.COMPLEMENT, random);
            assertEquals(List.of("conv2[0]", "conv2[1]", "fc"), layers.stream().map(ProtectedLayer::displayName).toList());
            Snapshot before = Snapshot.of(model, layers);
            Map<String, float[]> start = Fixtures.values(model);
            Fixtures.perturb(model, 0.05, random);
            Map<String, float[]> perturbed = Fixtures.values(model);

            BarrierLossSettings settings = new BarrierLossSettings(1, false, ResidualScale.PER_ROW, true, true, true);
            double[] perMap = new double[3];
            for (int i = 0; i < 3; i++) {
                perMap[i] = ReferenceFormulas.total(before.current(model, layers.get(i)), before.weights.get(i),
                        before.currentBias(model, layers.get(i)), before.biases.get(i), layers.get(i).projection(),
                        layers.get(i).region(), settings);
            }
            double unnormalised;
            double normalised;
            try (BarrierLoss loss = Fixtures.loss(Map.of("normalize", false))) {
                unnormalised = evaluate(loss, layers, model, start, perturbed);
            }
            try (BarrierLoss loss = Fixtures.loss(Map.of())) {
                normalised = evaluate(loss, layers, model, start, perturbed);
            }
            double expected = (perMap[0] + perMap[1]) / 2 + perMap[2];
            assertEquals(expected, unnormalised, FLOAT_TOLERANCE * expected, "conv2 is the mean of its two groups");
            assertEquals(expected / 2, normalised, FLOAT_TOLERANCE * expected, "conv2 and fc count as two layers");

            // The mean over groups of the mean term is ‖g‖² / C_out over all six units of conv2.
            double squares = 0;
            for (int group = 0; group < 2; group++) {
                ProtectedLayer layer = layers.get(group);
                double[][] delta = before.current(model, layer);
                double[] bias = before.currentBias(model, layer);
                for (int u = 0; u < 3; u++) {
                    double g = bias[u] - before.biases.get(group)[u];
                    for (int j = 0; j < delta[u].length; j++) {
                        g += (delta[u][j] - before.weights.get(group)[u][j]) * layer.projection().mean()[j];
                    }
                    squares += g * g;
                }
            }
            try (BarrierLoss loss = Fixtures.loss(Map.of("residualTerm", false, "intervalTerm", false))) {
                double meanOnly = evaluate(loss, layers.subList(0, 2), model, start, perturbed);
                assertEquals(squares / 6, meanOnly, FLOAT_TOLERANCE * meanOnly, "mean term over conv2's units");
            }
        }
    }

    @Test
    void repeatedComputeLeavesNothingInModelManager() {
        try (NDManager manager = NDManager.newBaseManager();
                SmallConvModel model = new SmallConvModel(manager.newSubManager(), 1, 2);
                BarrierLoss loss = Fixtures.loss(Map.of())) {
            loss.prepare(protect(model, Fixtures.CONV_CHANNEL, RegionMode.CORNER, new Random(2)), model);
            Fixtures.perturb(model, 0.05, new Random(3));
            Map<String, Parameter> targets = targets(model, "conv2", "fc");
            computeWithGradient(loss, model, targets);
            int arrays = model.manager().getManagedArrays().size();
            double first = loss.compute(model).getFloat();
            for (int i = 0; i < 5; i++) {
                assertEquals(first, computeWithGradient(loss, model, targets), 0.0, "same weights, same loss");
                assertFalse(loss.lastTerms().isEmpty());
            }
            assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays in the model's manager");
        }
    }

    @Test
    void misuseIsRejected() {
        try (NDManager manager = NDManager.newBaseManager();
                SmallConvModel model = new SmallConvModel(manager.newSubManager(), 2, 1);
                BarrierLoss loss = Fixtures.loss(Map.of())) {
            IllegalStateException early = assertThrows(IllegalStateException.class, () -> loss.compute(model));
            assertTrue(early.getMessage().contains("prepare"), early.getMessage());
            assertTrue(loss.lastTerms().isEmpty());

            List<ProtectedLayer> layers = protect(model, Fixtures.CONV_PATCH, RegionMode.CORNER, new Random(1));
            assertThrows(IllegalArgumentException.class, () -> loss.prepare(List.of(), model));

            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> loss.prepare(List.of(layers.get(0), layers.get(2)), model));
            assertContains(missing.getMessage(), "conv2 has 2 groups", "[0]");

            IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                    () -> loss.prepare(List.of(layers.get(0), layers.get(1), layers.get(1)), model));
            assertContains(twice.getMessage(), "conv2[1]", "twice");

            ProtectedLayer fc = layers.get(2);
            LayerInfo wider = LayerInfo.linear("fc", 6, 7, true);
            ProtectedLayer otherShape = new ProtectedLayer(wider, 0, fc.extractor(), fc.projection(), fc.region());
            IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                    () -> loss.prepare(List.of(otherShape), model));
            assertContains(mismatch.getMessage(), "Linear(6 -> 7)", "Linear(6 -> 5)");

            loss.prepare(layers, model);
            loss.compute(model);
            loss.close();
            assertThrows(IllegalStateException.class, () -> loss.compute(model));
            assertThrows(IllegalStateException.class, () -> loss.prepare(layers, model));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Protects conv2 (one map per group) and fc with random projections and regions of the given mode. */
    private static List<ProtectedLayer> protect(NetworkModel model, ActivationExtractor convExtractor,
            RegionMode mode, Random random) {
        List<ProtectedLayer> layers = new ArrayList<>();
        LayerInfo conv2 = model.layer("conv2");
        // 24 forget images give 24 · 3 · 3 patch rows or 24 · 6 · 6 channel rows for conv2, and 24 rows for fc.
        long convRows = convExtractor == Fixtures.CONV_PATCH ? 24 * 9 : 24 * 36;
        for (int group = 0; group < convExtractor.groups(conv2); group++) {
            layers.add(protectedLayer(conv2, group, convExtractor, 5, convRows, mode, random));
        }
        layers.add(protectedLayer(model.layer("fc"), 0, Fixtures.LINEAR, 3, 24, mode, random));
        return layers;
    }

    private static ProtectedLayer protectedLayer(LayerInfo layer, int group, ActivationExtractor extractor, int k,
            long rows, RegionMode mode, Random random) {
        Projection projection = Fixtures.randomProjection(layer.name(), extractor.rowWidth(layer), k, rows, random);
        double[] a = new double[k];
        double[] b = new double[k];
        double[] low = new double[k];
        double[] high = new double[k];
        for (int i = 0; i < k; i++) {
            a[i] = -0.5 - Math.abs(random.nextGaussian());
            b[i] = 0.5 + Math.abs(random.nextGaussian());
            low[i] = a[i] - 2 - 3 * random.nextDouble();
            high[i] = b[i] + 2 + 3 * random.nextDouble();
        }
        return new ProtectedLayer(layer, group, extractor, projection,
                new IntervalRegion(layer.name(), a, b, low, high, mode));
    }

    /** Negates forget direction {@code index} and mirrors its box: (a, b, L, H) becomes (−b, −a, −H, −L). */
    private static ProtectedLayer flipDirection(ProtectedLayer layer, int index) {
        Projection p = layer.projection();
        double[][] basis = p.forgetBasis().clone();
        basis[index] = basis[index].clone();
        for (int j = 0; j < basis[index].length; j++) {
            basis[index][j] = -basis[index][j];
        }
        Projection flipped = new Projection(p.layer(), p.strategy(), p.rowCount(), p.mean(), basis,
                p.forgetSingularValues(), p.residualSingularValues(), p.residualGram(), p.residualRank(), p.identity());
        IntervalRegion r = layer.region();
        double[] a = r.forgetLow().clone();
        double[] b = r.forgetHigh().clone();
        double[] low = r.outerLow().clone();
        double[] high = r.outerHigh().clone();
        a[index] = -r.forgetHigh()[index];
        b[index] = -r.forgetLow()[index];
        low[index] = -r.outerHigh()[index];
        high[index] = -r.outerLow()[index];
        return new ProtectedLayer(layer.layer(), layer.group(), layer.extractor(), flipped,
                new IntervalRegion(r.layer(), a, b, low, high, r.mode()));
    }

    /** Prepares at {@code start}, evaluates at {@code perturbed}, and leaves the model at {@code perturbed}. */
    private static double evaluate(BarrierLoss loss, List<ProtectedLayer> layers, NetworkModel model,
            Map<String, float[]> start, Map<String, float[]> perturbed) {
        Fixtures.restore(model, start);
        loss.prepare(layers, model);
        Fixtures.restore(model, perturbed);
        return loss.compute(model).getFloat();
    }

    private static double evaluate(List<ProtectedLayer> layers, NetworkModel model, Map<String, float[]> start,
            Map<String, float[]> perturbed) {
        try (BarrierLoss loss = Fixtures.loss(Map.of())) {
            return evaluate(loss, layers, model, start, perturbed);
        }
    }

    private static double residualOnly(List<ProtectedLayer> layers, String scale, NetworkModel model,
            Map<String, float[]> start, Map<String, float[]> perturbed) {
        try (BarrierLoss loss = Fixtures.loss(Map.of("residualScale", scale, "meanTerm", false, "intervalTerm", false))) {
            return evaluate(loss, layers, model, start, perturbed);
        }
    }

    private static Map<String, Parameter> targets(NetworkModel model, String... layers) {
        Map<String, Parameter> targets = new java.util.LinkedHashMap<>();
        for (String layer : layers) {
            targets.put(layer + ".weight", model.weight(layer));
            targets.put(layer + ".bias", model.bias(layer).orElseThrow());
        }
        for (Parameter parameter : model.parameters().values()) {
            parameter.getArray().setRequiresGradient(targets.containsValue(parameter));
        }
        return targets;
    }

    /**
     * Backpropagation must not depend on arrays that {@link BarrierLoss#compute} closed when it returned. DJL
     * backs an array made from Java values (such as a scalar operand) by a Java buffer without copying it; if
     * such an array were closed before the backward pass, collecting its buffer and reusing the memory would
     * change the gradient. Here garbage collection runs and fresh native memory is filled with NaN between
     * compute and backward, which must give the same gradient as an undisturbed backward.
     */
    @ParameterizedTest
    @EnumSource(RegionMode.class)
    void gradientSurvivesCollection(RegionMode mode) {
        try (NDManager manager = NDManager.newBaseManager();
                SmallConvModel model = new SmallConvModel(manager.newSubManager(), 2, 11);
                BarrierLoss loss = Fixtures.loss(Map.of("lambda", 1.5))) {
            Random random = new Random(31);
            List<ProtectedLayer> layers = protect(model, Fixtures.CONV_PATCH, mode, random);
            loss.prepare(layers, model);
            Fixtures.perturb(model, 0.05, random);
            Map<String, Parameter> targets = targets(model, "conv2", "fc");

            computeWithGradient(loss, model, targets);
            Map<String, float[]> undisturbed = gradients(targets);
            for (int round = 0; round < 5; round++) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray value = loss.compute(model);
                    FreedMemory.overwrite();
                    collector.backward(value);
                }
                Map<String, float[]> disturbed = gradients(targets);
                for (Map.Entry<String, float[]> entry : undisturbed.entrySet()) {
                    assertArrayEquals(entry.getValue(), disturbed.get(entry.getKey()),
                            mode + " gradient of " + entry.getKey() + " in round " + round);
                }
            }
        }
    }

    /** Returns a copy of each parameter's gradient, then clears it so the next backward starts from zero. */
    private static Map<String, float[]> gradients(Map<String, Parameter> targets) {
        Map<String, float[]> copies = new java.util.TreeMap<>();
        for (Map.Entry<String, Parameter> entry : targets.entrySet()) {
            NDArray gradient = entry.getValue().getArray().getGradient();
            copies.put(entry.getKey(), gradient.toFloatArray());
            gradient.subi(gradient);
        }
        return copies;
    }

    /** Computes the loss and backpropagates it, replacing any earlier gradient. */
    private static double computeWithGradient(BarrierLoss loss, NetworkModel model, Map<String, Parameter> targets) {
        for (Parameter target : targets.values()) {
            target.getArray().setRequiresGradient(true);
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = loss.compute(model);
            collector.backward(value);
            return value.getFloat();
        }
    }

    /** The double-precision total of every protected layer at the model's current weights, before λ and normalising. */
    private static double reference(NetworkModel model, List<ProtectedLayer> layers, Snapshot before,
            BarrierLossSettings settings) {
        double sum = 0;
        for (int i = 0; i < layers.size(); i++) {
            ProtectedLayer layer = layers.get(i);
            int groups = layer.extractor().groups(layer.layer());
            sum += ReferenceFormulas.total(before.current(model, layer), before.weights.get(i),
                    before.currentBias(model, layer), before.biases.get(i), layer.projection(), layer.region(), settings)
                    / groups;
        }
        return sum;
    }

    /** Every protected map's weight matrix and bias at one moment, in double precision. */
    private record Snapshot(List<double[][]> weights, List<double[]> biases) {

        static Snapshot of(NetworkModel model, List<ProtectedLayer> layers) {
            Snapshot snapshot = new Snapshot(new ArrayList<>(), new ArrayList<>());
            for (ProtectedLayer layer : layers) {
                snapshot.weights.add(snapshot.current(model, layer));
                snapshot.biases.add(snapshot.currentBias(model, layer));
            }
            return snapshot;
        }

        double[][] current(NetworkModel model, ProtectedLayer layer) {
            NDArray matrix = layer.extractor().weightMatrix(layer.layer(), model.weight(layer.layer().name()).getArray(),
                    layer.group());
            int rows = (int) matrix.getShape().get(0);
            int columns = (int) matrix.getShape().get(1);
            float[] values = matrix.toFloatArray();
            matrix.close();
            double[][] out = new double[rows][columns];
            for (int u = 0; u < rows; u++) {
                for (int j = 0; j < columns; j++) {
                    out[u][j] = values[u * columns + j];
                }
            }
            return out;
        }

        double[] currentBias(NetworkModel model, ProtectedLayer layer) {
            NDArray vector = layer.extractor().biasVector(layer.layer(),
                    model.bias(layer.layer().name()).orElseThrow().getArray(), layer.group());
            float[] values = vector.toFloatArray();
            vector.close();
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i];
            }
            return out;
        }
    }

    /** Asserts that {@code message} contains each of {@code parts}, one assertion per part. */
    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }
}

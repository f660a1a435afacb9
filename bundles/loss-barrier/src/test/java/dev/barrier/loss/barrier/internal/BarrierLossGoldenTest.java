package dev.barrier.loss.barrier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.loss.ProtectedLayer;
import dev.barrier.api.model.LayerInfo;
import dev.barrier.api.model.LayerType;
import dev.barrier.api.projection.Projection;
import dev.barrier.api.region.IntervalRegion;
import dev.barrier.api.region.RegionMode;
import dev.barrier.testing.GoldenCase;
import dev.barrier.testing.GoldenCase.Tensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the loss and its gradient with the reference values in {@code golden/protection-loss/*.json}
 * (module test-support). Those values were computed by the method's reference implementation (the authors'
 * PyTorch code, {@code intact.py}, on torch 1.13) on a small network: conv1 Conv2d(3→8, 3x3, padding 1),
 * conv2 Conv2d(8→6, 3x3, stride 2, padding 1), global average pooling, fc Linear(6→5). Each case fixes the
 * statistics exactly as the reference fitted them ({@code as_computed}, including the signs of its singular
 * vectors), the weights at set-up and the perturbed weights the loss is evaluated at.
 *
 * <p>Settings as the reference: corner interval mode, residual not divided by the row count, channel rows
 * for conv2 (so only its centre tap has a gradient). Tolerances, from the cases' README: the loss to 1e-4
 * relative; each gradient element to 1e-4 × max(|golden element|, 1e-2 × largest |golden element|).
 */
class BarrierLossGoldenTest {

    private static final double LOSS_TOLERANCE = 1e-4;

    static List<String> cases() {
        return GoldenCase.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossAndGradientMatchReference(String name) {
        GoldenCase golden = GoldenCase.load(name);
        try (NDManager manager = NDManager.newBaseManager();
                SmallConvModel model = new SmallConvModel(manager.newSubManager(), 1, 1);
                BarrierLoss loss = Fixtures.loss(settings(golden))) {
            setParameters(model, golden, true);
            Map<String, NDArray> tapped = tapForgetInputs(model, golden, manager);

            List<ProtectedLayer> layers = new ArrayList<>();
            for (GoldenCase.Fitted fitted : golden.fitted()) {
                layers.add(protectedLayer(model.layer(fitted.layer()), fitted, tapped.get(fitted.layer())));
            }
            loss.prepare(layers, model);
            setParameters(model, golden, false);

            Map<String, Parameter> parameters = model.parameters();
            for (Parameter parameter : parameters.values()) {
                parameter.getArray().setRequiresGradient(golden.gradientParameters().contains(key(parameter, parameters)));
            }
            double value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray result = loss.compute(model);
                value = result.getFloat();
                collector.backward(result);
            }

            double lossError = Math.abs(value - golden.loss()) / Math.abs(golden.loss());
            assertTrue(lossError <= LOSS_TOLERANCE, name + ": loss " + value + ", reference " + golden.loss());
            double largestGradientError = 0;
            for (String parameter : golden.gradientParameters()) {
                Tensor expected = golden.gradient(parameter);
                double[] actual = toDoubles(parameters.get(parameter).getArray().getGradient());
                assertNull(GoldenCase.compare(name + " " + parameter, expected, actual));
                largestGradientError = Math.max(largestGradientError, relativeError(expected, actual));
            }
            System.out.printf("golden %-32s loss %.9g reference %.9g relative error %.2e; largest gradient error"
                    + " %.2e of the tensor's largest element%n", name, value, golden.loss(), lossError,
                    largestGradientError);
        }
    }

    /** Returns the reference's options as keys of the loss's configuration section. */
    private static Map<String, Object> settings(GoldenCase golden) {
        Map<String, Object> values = new HashMap<>();
        values.put("lambda", golden.option("lambda_interval", 1.0));
        values.put("normalize", golden.flag("normalize_protection"));
        values.put("residualScale", "reference");
        values.put("intervalTerm", !(golden.flag("skip_interval") || golden.flag("remove_top_directions")));
        return values;
    }

    /**
     * Builds the protected layer of one target from the reference's statistics. U_f and the box are taken as
     * computed, and the residual Gram matrix is U_rᵀ diag(s_r²) U_r. The forget singular values stay zero
     * because the loss does not use them, and N is counted from the tapped forget inputs.
     */
    private static ProtectedLayer protectedLayer(LayerInfo layer, GoldenCase.Fitted fitted, NDArray layerInput) {
        ActivationExtractor extractor = layer.type() == LayerType.LINEAR ? Fixtures.LINEAR : Fixtures.CONV_CHANNEL;
        Map<String, Tensor> computed = fitted.asComputed();
        double[][] forget = computed.get("U_forget").rows();
        double[][] residual = computed.get("U_residual").rows();
        double[] residualValues = computed.get("S_residual").data();
        long rows = extractor.rows(layer, layerInput, 0).getShape().get(0);
        Projection projection = new Projection(layer.name(), "reference", rows, computed.get("mu").data(), forget,
                new double[forget.length], residualValues,
                residual.length > 0 ? Fixtures.residualGram(residual, residualValues) : null, residual.length,
                residual.length == 0);
        IntervalRegion region = new IntervalRegion(layer.name(), computed.get("z_min").data(),
                computed.get("z_max").data(), computed.get("inf_low").data(), computed.get("inf_high").data(),
                RegionMode.CORNER);
        return new ProtectedLayer(layer, 0, extractor, projection, region);
    }

    /**
     * Runs the model on the forget inputs and checks each target's input against the reference's, which
     * confirms that the architecture and the weights were loaded as the reference had them.
     */
    private static Map<String, NDArray> tapForgetInputs(SmallConvModel model, GoldenCase golden, NDManager manager) {
        Tensor images = golden.forgetInputs();
        Map<String, NDArray> tapped = new LinkedHashMap<>();
        model.forward(manager.create(images.floats(), new Shape(images.shape())), (layer, input) -> {
            if (golden.targets().contains(layer)) {
                NDArray copy = input.duplicate();
                copy.attach(manager);
                tapped.put(layer, copy);
            }
        });
        for (String layer : golden.targets()) {
            assertNull(GoldenCase.compare(golden.name() + " input of " + layer, golden.layerInputForget(layer),
                    toDoubles(tapped.get(layer))));
        }
        return tapped;
    }

    private static void setParameters(SmallConvModel model, GoldenCase golden, boolean before) {
        for (Map.Entry<String, Parameter> entry : model.parameters().entrySet()) {
            Tensor values = before ? golden.weightBefore(entry.getKey()) : golden.weightAfter(entry.getKey());
            NDArray array = entry.getValue().getArray();
            assertEquals(new Shape(values.shape()), array.getShape(), entry.getKey());
            array.set(values.floats());
        }
    }

    private static String key(Parameter parameter, Map<String, Parameter> parameters) {
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            if (entry.getValue() == parameter) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("unknown parameter " + parameter.getName());
    }

    /** Returns max |actual − expected| over the tensor divided by its largest |expected| element. */
    private static double relativeError(Tensor expected, double[] actual) {
        double largest = 0;
        double error = 0;
        for (int i = 0; i < actual.length; i++) {
            largest = Math.max(largest, Math.abs(expected.at(i)));
            error = Math.max(error, Math.abs(actual[i] - expected.at(i)));
        }
        return largest == 0 ? error : error / largest;
    }

    private static double[] toDoubles(NDArray array) {
        float[] values = array.toFloatArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}

package dev.barrier.extractor.linear.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.config.ConfigLocation;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.LayerInfo;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Checks linear rows against DJL's own Linear operator. Inputs and weights are drawn from {@link Random} with
 * fixed seeds; outputs are compared in float32 to 1e-5 of the largest output magnitude.
 */
class LinearExtractorTest {

    private static final double TOLERANCE = 1e-5;

    private final ActivationExtractor extractor =
            new LinearExtractorFactory().create(ConfigSection.empty("extractor", ConfigLocation.of("test")), null);

    private final LayerInfo layer = LayerInfo.linear("fc", 6, 5, true);

    @Test
    void rowsReproduceLinearOutput() {
        Random random = new Random(2);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = normal(manager, random, new Shape(5, 6));
            NDArray bias = normal(manager, random, new Shape(5));
            for (Shape inputShape : new Shape[] {new Shape(4, 6), new Shape(3, 7, 6)}) {
                NDArray input = normal(manager, random, inputShape);
                NDArray expected = Linear.linear(input, weight, bias).singletonOrThrow().reshape(-1, 5);
                NDArray rows = extractor.rows(layer, input, 0);
                assertEquals(new Shape(inputShape.size() / 6, 6), rows.getShape());
                NDArray viaRows = rows.matMul(extractor.weightMatrix(layer, weight, 0).transpose())
                        .add(extractor.biasVector(layer, bias, 0));
                double scale = expected.abs().max().getFloat();
                double error = viaRows.sub(expected).abs().max().getFloat();
                assertTrue(error <= TOLERANCE * scale, inputShape + ": largest difference " + error);
            }
        }
    }

    @Test
    void gradientsReachWeightAndBias() {
        Random random = new Random(4);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = normal(manager, random, new Shape(5, 6));
            NDArray bias = normal(manager, random, new Shape(5));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            NDArray weightCoefficients = normal(manager, random, new Shape(5, 6));
            NDArray biasCoefficients = normal(manager, random, new Shape(5));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(extractor.weightMatrix(layer, weight, 0).mul(weightCoefficients).sum()
                        .add(extractor.biasVector(layer, bias, 0).mul(biasCoefficients).sum()));
            }
            assertArrayEquals(weightCoefficients.toFloatArray(), weight.getGradient().toFloatArray(), 0f);
            assertArrayEquals(biasCoefficients.toFloatArray(), bias.getGradient().toFloatArray(), 0f);
        }
    }

    @Test
    void widthsFollowLayer() {
        assertEquals(1, extractor.groups(layer));
        assertEquals(6, extractor.rowWidth(layer));
        assertEquals(5, extractor.outputWidth(layer));
        assertTrue(extractor.limitation(layer).isEmpty());
        assertEquals("linear", extractor.name());
    }

    @Test
    void badInputIsRejectedWithExpectedAndFound() {
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                    () -> extractor.rows(layer, manager.zeros(new Shape(4, 7)), 0));
            assertContains(width.getMessage(), "fc", "[B, 6]", "(4, 7)");
            IllegalArgumentException image = assertThrows(IllegalArgumentException.class,
                    () -> extractor.rows(layer, manager.zeros(new Shape(2, 1, 2, 3)), 0));
            assertTrue(image.getMessage().contains("(2, 1, 2, 3)"), image.getMessage());
            IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                    () -> extractor.weightMatrix(layer, manager.zeros(new Shape(6, 5)), 0));
            assertContains(weight.getMessage(), "(5, 6)", "(6, 5)");
            IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                    () -> extractor.biasVector(layer, manager.zeros(new Shape(5)), 1));
            assertTrue(group.getMessage().contains("got 1"), group.getMessage());
        }
        LayerInfo conv = LayerInfo.conv2d("conv1", 3, 8, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1},
                new int[] {1, 1}, 1, true);
        IllegalArgumentException notLinear = assertThrows(IllegalArgumentException.class,
                () -> extractor.checkSupported(conv));
        assertContains(notLinear.getMessage(), "conv1", "Linear");
    }

    private static NDArray normal(NDManager manager, Random random, Shape shape) {
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, shape);
    }

    /** Asserts that {@code message} contains each of {@code parts}, one assertion per part. */
    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }
}

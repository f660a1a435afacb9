package dev.barrier.extractor.conv.patch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.config.ConfigLocation;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.model.LayerInfo;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the im2col identity against DJL's own convolution: patch rows times the reshaped weight, plus the
 * bias, must equal {@link Conv2d#conv2d} at every output position. Inputs and weights are drawn from
 * {@link Random} with fixed seeds; outputs are compared in float32 to 1e-5 of the largest output magnitude.
 */
class ConvPatchExtractorTest {

    private static final double TOLERANCE = 1e-5;

    private final ActivationExtractor extractor =
            new ConvPatchExtractorFactory().create(ConfigSection.empty("extractor", ConfigLocation.of("test")), null);

    static Stream<Arguments> convolutions() {
        return Stream.of(
                Arguments.of(LayerInfo.conv2d("same3x3", 3, 4, ints(3, 3), ints(1, 1), ints(1, 1), ints(1, 1), 1, true), 6, 6),
                Arguments.of(LayerInfo.conv2d("stride2", 8, 6, ints(3, 3), ints(2, 2), ints(1, 1), ints(1, 1), 1, true), 7, 6),
                Arguments.of(LayerInfo.conv2d("rectangular", 2, 3, ints(2, 3), ints(1, 2), ints(0, 1), ints(1, 1), 1, false), 5, 6),
                Arguments.of(LayerInfo.conv2d("dilated", 4, 4, ints(3, 3), ints(1, 1), ints(2, 2), ints(2, 2), 1, true), 6, 6),
                Arguments.of(LayerInfo.conv2d("dilatedStrided", 3, 2, ints(3, 2), ints(2, 1), ints(1, 0), ints(2, 3), 1, true), 8, 7),
                Arguments.of(LayerInfo.conv2d("groups2", 4, 6, ints(3, 3), ints(2, 2), ints(1, 1), ints(1, 1), 2, true), 7, 7),
                Arguments.of(LayerInfo.conv2d("depthwise", 4, 8, ints(5, 5), ints(1, 1), ints(0, 0), ints(1, 1), 4, true), 6, 6),
                Arguments.of(LayerInfo.conv2d("pointwiseGroups", 6, 6, ints(1, 1), ints(2, 2), ints(0, 0), ints(1, 1), 3, true), 5, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convolutions")
    void patchRowsReproduceConvolution(LayerInfo layer, int height, int width) {
        Random random = new Random(11);
        int[] kernel = layer.kernel();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = normal(manager, random, new Shape(2, layer.inFeatures(), height, width));
            NDArray weight = normal(manager, random,
                    new Shape(layer.outFeatures(), layer.inFeatures() / layer.groups(), kernel[0], kernel[1]));
            NDArray bias = layer.hasBias() ? normal(manager, random, new Shape(layer.outFeatures()))
                    : manager.zeros(new Shape(layer.outFeatures()));
            NDArray expected = Conv2d.conv2d(input, weight, layer.hasBias() ? bias : null, shape(layer.stride()),
                    shape(layer.padding()), shape(layer.dilation()), layer.groups()).singletonOrThrow();
            double scale = expected.abs().max().getFloat();

            int outputs = extractor.outputWidth(layer);
            for (int group = 0; group < extractor.groups(layer); group++) {
                NDArray rows = extractor.rows(layer, input, group);
                assertEquals(new Shape(2 * expected.getShape().get(2) * expected.getShape().get(3),
                        extractor.rowWidth(layer)), rows.getShape(), "rows of group " + group);

                NDArray matrix = extractor.weightMatrix(layer, weight, group);
                NDArray viaRows = rows.matMul(matrix.transpose()).add(extractor.biasVector(layer, bias, group));
                // The layer's output [B, C_out, OH, OW] in row order: one row per (b, oh, ow), one column per unit.
                NDArray groupOutput = expected.get(new NDIndex(":, {}:{}", group * outputs, (group + 1) * outputs))
                        .transpose(0, 2, 3, 1).reshape(-1, outputs);
                double error = viaRows.sub(groupOutput).abs().max().getFloat();
                assertTrue(error <= TOLERANCE * scale, layer + ", group " + group + ": largest difference " + error
                        + " against outputs up to " + scale);
            }
        }
    }

    @Test
    void rowsHoldPatchInChannelKernelOrder() {
        // One 3x3 image with pixel values 1 to 18; padding 1 puts zeros around it.
        LayerInfo layer = LayerInfo.conv2d("conv", 2, 1, ints(2, 2), ints(1, 1), ints(1, 1), ints(1, 1), 1, true);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.arange(1f, 19f).reshape(1, 2, 3, 3);
            NDArray rows = extractor.rows(layer, input, 0);
            assertEquals(new Shape(16, 8), rows.getShape());
            // Output position (1, 1) covers padded pixels (1..2, 1..2), which are input pixels (0..1, 0..1).
            float[] expected = {1, 2, 4, 5, 10, 11, 13, 14};
            assertArrayEquals(expected, rows.get(5).toFloatArray());
            // Output position (0, 0) covers the top-left padding corner.
            assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 10}, rows.get(0).toFloatArray());
        }
    }

    @Test
    void gradientsReachWeightAndBias() {
        LayerInfo layer = LayerInfo.conv2d("conv", 4, 6, ints(3, 3), ints(1, 1), ints(1, 1), ints(1, 1), 2, true);
        Random random = new Random(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = normal(manager, random, new Shape(6, 2, 3, 3));
            NDArray bias = normal(manager, random, new Shape(6));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            NDArray weightCoefficients = normal(manager, random, new Shape(3, 18));
            NDArray biasCoefficients = normal(manager, random, new Shape(3));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = extractor.weightMatrix(layer, weight, 1).mul(weightCoefficients).sum()
                        .add(extractor.biasVector(layer, bias, 1).mul(biasCoefficients).sum());
                collector.backward(value);
            }
            NDArray weightGradient = weight.getGradient();
            assertArrayEquals(new float[54], weightGradient.get("0:3").toFloatArray(), "group 0 gets no gradient");
            assertArrayEquals(weightCoefficients.toFloatArray(), weightGradient.get("3:6").toFloatArray(), 0f);
            NDArray biasGradient = bias.getGradient();
            assertArrayEquals(new float[3], biasGradient.get("0:3").toFloatArray());
            assertArrayEquals(biasCoefficients.toFloatArray(), biasGradient.get("3:6").toFloatArray(), 0f);
        }
    }

    @Test
    void widthsAndGroupsFollowLayer() {
        LayerInfo layer = LayerInfo.conv2d("conv", 8, 12, ints(3, 5), ints(1, 1), ints(1, 2), ints(1, 1), 4, true);
        assertEquals(4, extractor.groups(layer));
        assertEquals(2 * 3 * 5, extractor.rowWidth(layer));
        assertEquals(3, extractor.outputWidth(layer));
        assertTrue(extractor.limitation(layer).isEmpty(), "patch rows cover every tap");
        assertEquals("conv-patch", extractor.name());
    }

    @Test
    void factoryReturnsOneStatelessExtractor() {
        ConvPatchExtractorFactory factory = new ConvPatchExtractorFactory();
        ConfigSection section = ConfigSection.empty("extractor", ConfigLocation.of("test"));
        assertSame(factory.create(section, null), factory.create(section, null));
        assertTrue(section.unreadKeys().isEmpty());
    }

    @Test
    void badShapesAreRejectedWithExpectedAndFound() {
        LayerInfo layer = LayerInfo.conv2d("conv2", 4, 6, ints(3, 3), ints(1, 1), ints(0, 0), ints(1, 1), 2, true);
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                    () -> extractor.rows(layer, manager.zeros(new Shape(2, 5, 6, 6)), 0));
            assertContains(channels.getMessage(), "conv2", "[B, 4, H, W]", "(2, 5, 6, 6)");

            IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                    () -> extractor.rows(layer, manager.zeros(new Shape(4, 6, 6)), 0));
            assertTrue(rank.getMessage().contains("(4, 6, 6)"), rank.getMessage());

            IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                    () -> extractor.rows(layer, manager.zeros(new Shape(1, 4, 2, 6)), 0));
            assertTrue(small.getMessage().contains("height 2"), small.getMessage());

            IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                    () -> extractor.weightMatrix(layer, manager.zeros(new Shape(6, 4, 3, 3)), 0));
            assertContains(weight.getMessage(), "(6, 2, 3, 3)", "(6, 4, 3, 3)");

            IllegalArgumentException bias = assertThrows(IllegalArgumentException.class,
                    () -> extractor.biasVector(layer, manager.zeros(new Shape(3)), 0));
            assertContains(bias.getMessage(), "(6)", "(3)");

            IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                    () -> extractor.rows(layer, manager.zeros(new Shape(1, 4, 6, 6)), 2));
            assertTrue(group.getMessage().contains("from 0 to 1, got 2"), group.getMessage());
        }
        IllegalArgumentException linear = assertThrows(IllegalArgumentException.class,
                () -> extractor.checkSupported(LayerInfo.linear("fc", 6, 5, true)));
        assertContains(linear.getMessage(), "fc", "Conv2d");
    }

    private static NDArray normal(NDManager manager, Random random, Shape shape) {
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, shape);
    }

    private static int[] ints(int first, int second) {
        return new int[] {first, second};
    }

    private static Shape shape(int[] values) {
        return new Shape(values[0], values[1]);
    }

    /** Asserts that {@code message} contains each of {@code parts}, one assertion per part. */
    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }
}

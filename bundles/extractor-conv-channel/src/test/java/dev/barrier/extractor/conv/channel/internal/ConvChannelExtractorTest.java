package dev.barrier.extractor.conv.channel.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Checks channel rows against DJL's own convolution. Inputs and weights are drawn from {@link Random} with
 * fixed seeds; a 1x1 convolution must be reproduced to 1e-5 of its largest output magnitude (float32).
 */
class ConvChannelExtractorTest {

    private static final double TOLERANCE = 1e-5;

    private final ActivationExtractor extractor =
            new ConvChannelExtractorFactory().create(ConfigSection.empty("extractor", ConfigLocation.of("test")), null);

    @Test
    void channelRowsReproducePointwiseConvolution() {
        for (int groups : new int[] {1, 2}) {
            LayerInfo layer = LayerInfo.conv2d("pointwise", 4, 6, ints(1, 1), ints(1, 1), ints(0, 0), ints(1, 1),
                    groups, true);
            Random random = new Random(3 + groups);
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray input = normal(manager, random, new Shape(3, 4, 5, 4));
                NDArray weight = normal(manager, random, new Shape(6, 4 / groups, 1, 1));
                NDArray bias = normal(manager, random, new Shape(6));
                NDArray expected = Conv2d.conv2d(input, weight, bias, new Shape(1, 1), new Shape(0, 0),
                        new Shape(1, 1), groups).singletonOrThrow();
                double scale = expected.abs().max().getFloat();

                int outputs = extractor.outputWidth(layer);
                for (int group = 0; group < groups; group++) {
                    NDArray rows = extractor.rows(layer, input, group);
                    assertEquals(new Shape(3 * 5 * 4, 4 / groups), rows.getShape());
                    NDArray viaRows = rows.matMul(extractor.weightMatrix(layer, weight, group).transpose())
                            .add(extractor.biasVector(layer, bias, group));
                    NDArray groupOutput = expected.get(new NDIndex(":, {}:{}", group * outputs, (group + 1) * outputs))
                            .transpose(0, 2, 3, 1).reshape(-1, outputs);
                    double error = viaRows.sub(groupOutput).abs().max().getFloat();
                    assertTrue(error <= TOLERANCE * scale, groups + " groups, group " + group
                            + ": largest difference " + error + " against outputs up to " + scale);
                }
            }
        }
    }

    @Test
    void rowsArePixelsInBatchRowColumnOrder() {
        LayerInfo layer = LayerInfo.conv2d("conv", 4, 2, ints(3, 3), ints(1, 1), ints(1, 1), ints(1, 1), 2, true);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.arange(2f * 4 * 3 * 2).reshape(2, 4, 3, 2);
            NDArray rows = extractor.rows(layer, input, 1);
            assertEquals(new Shape(12, 2), rows.getShape());
            // Row of image 1, pixel (2, 0): channels 2 and 3 of that pixel.
            int row = 1 * 6 + 2 * 2;
            assertArrayEquals(input.get(new NDIndex("1, 2:4, 2, 0")).toFloatArray(), rows.get(row).toFloatArray());
        }
    }

    @Test
    void weightMatrixPicksTapMetByOnePixel() {
        Random random = new Random(8);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = normal(manager, random, new Shape(6, 8, 3, 3));

            LayerInfo same = LayerInfo.conv2d("conv2", 8, 6, ints(3, 3), ints(2, 2), ints(1, 1), ints(1, 1), 1, true);
            assertArrayEquals(weight.get(new NDIndex(":, :, 1, 1")).toFloatArray(),
                    extractor.weightMatrix(same, weight, 0).toFloatArray());
            assertEquals(new Shape(6, 8), extractor.weightMatrix(same, weight, 0).getShape());

            // Rows: dilation 2 and padding 2 meet tap 1. Columns: padding 2 meets tap 2, and stride 3 leaves one output.
            LayerInfo dilated = LayerInfo.conv2d("dilated", 8, 6, ints(3, 3), ints(1, 3), ints(2, 2), ints(2, 1), 1,
                    true);
            assertArrayEquals(weight.get(new NDIndex(":, :, 1, 2")).toFloatArray(),
                    extractor.weightMatrix(dilated, weight, 0).toFloatArray());

            LayerInfo grouped = LayerInfo.conv2d("grouped", 16, 6, ints(3, 3), ints(1, 1), ints(1, 1), ints(1, 1), 2,
                    true);
            assertArrayEquals(weight.get(new NDIndex("3:6, :, 1, 1")).toFloatArray(),
                    extractor.weightMatrix(grouped, weight, 1).toFloatArray());
        }
    }

    @Test
    void paddingWithoutTapIsRejected() {
        LayerInfo valid = LayerInfo.conv2d("conv2", 8, 6, ints(3, 3), ints(1, 1), ints(0, 0), ints(1, 1), 1, true);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.zeros(new Shape(6, 8, 3, 3));
            // Padding 0 on a 3x3 kernel: a 1x1 image is smaller than the kernel, so no tap meets it.
            IllegalArgumentException noTap = assertThrows(IllegalArgumentException.class,
                    () -> extractor.weightMatrix(valid, weight, 0));
            assertContains(noTap.getMessage(), "conv2", "no output position", "conv-patch");
            assertThrows(IllegalArgumentException.class, () -> extractor.checkSupported(valid));
            assertTrue(extractor.limitation(valid).orElseThrow().contains("conv-patch"));
        }
        LayerInfo fractional = LayerInfo.conv2d("conv3", 8, 6, ints(2, 2), ints(1, 1), ints(1, 1), ints(2, 2), 1,
                true);
        IllegalArgumentException notInteger = assertThrows(IllegalArgumentException.class,
                () -> extractor.checkSupported(fractional));
        assertTrue(notInteger.getMessage().contains("1 / 2"), notInteger.getMessage());

        // Padding 2 on a 3x3 kernel with stride 1: a 1x1 image meets three taps at three output positions.
        LayerInfo wide = LayerInfo.conv2d("conv4", 8, 6, ints(3, 3), ints(1, 1), ints(2, 2), ints(1, 1), 1, true);
        IllegalArgumentException several = assertThrows(IllegalArgumentException.class,
                () -> extractor.checkSupported(wide));
        assertTrue(several.getMessage().contains("more than one output position"), several.getMessage());
    }

    @Test
    void limitationNamesUnprotectedTaps() {
        LayerInfo spatial = LayerInfo.conv2d("conv2", 8, 6, ints(3, 3), ints(1, 1), ints(1, 1), ints(1, 1), 1, true);
        Optional<String> note = extractor.limitation(spatial);
        assertTrue(note.isPresent());
        assertContains(note.get(), "conv2", "only the centre tap (1, 1)", "8 taps are unprotected");
        extractor.checkSupported(spatial);

        LayerInfo pointwise = LayerInfo.conv2d("conv1", 8, 6, ints(1, 1), ints(1, 1), ints(0, 0), ints(1, 1), 1, true);
        assertTrue(extractor.limitation(pointwise).isEmpty(), "1x1 kernels are exact");
    }

    @Test
    void gradientsReachOnlyTheTap() {
        LayerInfo layer = LayerInfo.conv2d("conv", 4, 6, ints(3, 3), ints(1, 1), ints(1, 1), ints(1, 1), 2, true);
        Random random = new Random(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = normal(manager, random, new Shape(6, 2, 3, 3));
            NDArray bias = normal(manager, random, new Shape(6));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            NDArray weightCoefficients = normal(manager, random, new Shape(3, 2));
            NDArray biasCoefficients = normal(manager, random, new Shape(3));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = extractor.weightMatrix(layer, weight, 1).mul(weightCoefficients).sum()
                        .add(extractor.biasVector(layer, bias, 1).mul(biasCoefficients).sum());
                collector.backward(value);
            }
            NDArray weightGradient = weight.getGradient();
            assertArrayEquals(weightCoefficients.toFloatArray(), weightGradient.get("3:6, :, 1, 1").toFloatArray(), 0f);
            double total = weightGradient.abs().sum().getFloat();
            double atTap = weightCoefficients.abs().sum().getFloat();
            assertEquals(atTap, total, 1e-6, "no gradient outside group 1's centre tap");
            assertArrayEquals(new float[3], bias.getGradient().get("0:3").toFloatArray());
            assertArrayEquals(biasCoefficients.toFloatArray(), bias.getGradient().get("3:6").toFloatArray(), 0f);
        }
    }

    @Test
    void badShapesAreRejectedWithExpectedAndFound() {
        LayerInfo layer = LayerInfo.conv2d("conv2", 8, 6, ints(3, 3), ints(2, 2), ints(1, 1), ints(1, 1), 1, true);
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                    () -> extractor.rows(layer, manager.zeros(new Shape(2, 6, 5, 5)), 0));
            assertContains(channels.getMessage(), "conv2", "[B, 8, H, W]", "(2, 6, 5, 5)");
            IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                    () -> extractor.rows(layer, manager.zeros(new Shape(2, 8)), 0));
            assertTrue(flat.getMessage().contains("(2, 8)"), flat.getMessage());
            IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                    () -> extractor.weightMatrix(layer, manager.zeros(new Shape(6, 8, 1, 1)), 0));
            assertContains(weight.getMessage(), "(6, 8, 3, 3)", "(6, 8, 1, 1)");
            IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                    () -> extractor.biasVector(layer, manager.zeros(new Shape(6)), 1));
            assertTrue(group.getMessage().contains("from 0 to 0, got 1"), group.getMessage());
        }
        IllegalArgumentException linear = assertThrows(IllegalArgumentException.class,
                () -> extractor.checkSupported(LayerInfo.linear("fc", 6, 5, true)));
        assertContains(linear.getMessage(), "fc", "Conv2d");
    }

    @Test
    void widthsFollowGroups() {
        LayerInfo layer = LayerInfo.conv2d("conv", 8, 12, ints(3, 3), ints(1, 1), ints(1, 1), ints(1, 1), 4, true);
        assertEquals(4, extractor.groups(layer));
        assertEquals(2, extractor.rowWidth(layer));
        assertEquals(3, extractor.outputWidth(layer));
        assertEquals("conv-channel", extractor.name());
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

    /** Asserts that {@code message} contains each of {@code parts}, one assertion per part. */
    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }
}

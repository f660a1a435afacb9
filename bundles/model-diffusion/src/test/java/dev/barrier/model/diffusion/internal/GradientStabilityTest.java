package dev.barrier.model.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.data.Subset;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.InputSpec;
import dev.barrier.nn.ImageBatches;
import dev.barrier.testing.FreedMemory;
import dev.barrier.testing.TestRunContext;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gradient tests of the noise-prediction loss. The garbage collector runs and freed native memory is
 * overwritten between forward and backward, and every parameter's gradient must stay bitwise equal to an
 * undisturbed one.
 */
class GradientStabilityTest {

    @TempDir
    Path folder;

    @Test
    void latentGradientSurvivesCollection() {
        ImageDataset data = SyntheticImages.random(16, 3, 1, 8, 8, 5);
        DiffusionAdapter adapter = TinyModels.latentAdapter(6);
        try (DiffusionNetwork<?> model = TinyModels.fittedLatent(adapter, data, 3, new TestRunContext(folder, 1))) {
            assertStableGradients(adapter, model, data);
        }
    }

    @Test
    void unetGradientSurvivesCollection() {
        ImageDataset data = SyntheticImages.random(8, 3, 1, 8, 8, 6);
        DiffusionAdapter adapter = TinyModels.unetAdapter();
        try (DiffusionNetwork<?> model = adapter.create(new InputSpec(1, 8, 8, 3), 3)) {
            assertStableGradients(adapter, model, data);
        }
    }

    private static void assertStableGradients(DiffusionAdapter adapter, DiffusionNetwork<?> model, ImageDataset data) {
        Map<String, Parameter> parameters = model.parameters();
        for (Parameter parameter : parameters.values()) {
            parameter.getArray().setRequiresGradient(true);
        }
        Map<String, float[]> undisturbed = gradients(adapter, model, data, parameters, false);
        assertTrue(undisturbed.values().stream().anyMatch(g -> nonZero(g)), "the loss reaches the parameters");
        for (int round = 0; round < 3; round++) {
            Map<String, float[]> disturbed = gradients(adapter, model, data, parameters, true);
            for (Map.Entry<String, float[]> entry : undisturbed.entrySet()) {
                assertArrayEquals(entry.getValue(), disturbed.get(entry.getKey()),
                        "gradient of " + entry.getKey() + " in round " + round);
            }
        }
    }

    /** Backpropagates the training loss of one batch with fixed timesteps and noise, and returns the gradients. */
    private static Map<String, float[]> gradients(DiffusionAdapter adapter, DiffusionNetwork<?> model,
            ImageDataset data, Map<String, Parameter> parameters, boolean disturb) {
        try (NDManager manager = model.manager().newSubManager()) {
            for (Batch batch : ImageBatches.inOrder(Subset.all("batch", data), data.size(), manager)) {
                try (batch; GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = adapter.taskLoss(model, batch, true, new Random(9));
                    if (disturb) {
                        FreedMemory.overwrite();
                    }
                    collector.backward(loss);
                }
            }
        }
        Map<String, float[]> copies = new TreeMap<>();
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            NDArray gradient = entry.getValue().getArray().getGradient();
            copies.put(entry.getKey(), gradient.toFloatArray());
            gradient.subi(gradient);
        }
        return copies;
    }

    private static boolean nonZero(float[] values) {
        for (float value : values) {
            if (value != 0) {
                return true;
            }
        }
        return false;
    }
}

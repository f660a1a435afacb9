package dev.barrier.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;

import dev.barrier.testing.FreedMemory;

import org.junit.jupiter.api.Test;

class ScalarsTest {

    @Test
    void scalarTakesTypeOfLike() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray like = manager.create(new float[] {1f, 2f});
            NDArray scalar = Scalars.like(like, 0.25);
            assertEquals(DataType.FLOAT32, scalar.getDataType());
            assertEquals(0, scalar.getShape().dimension());
            assertEquals(0.25f, scalar.getFloat());
            assertEquals(DataType.FLOAT64, Scalars.like(like.toType(DataType.FLOAT64, false), 3).getDataType());
        }
    }

    @Test
    void scalarOutlivesItsScope() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray like = manager.create(new float[] {1f});
            NDArray scalar;
            try (NDScope scope = new NDScope()) {
                scalar = Scalars.like(like, 2);
            }
            assertEquals(2f, scalar.getFloat());
        }
    }

    /** The backward pass of a product reads the scalar factor long after the forward pass created it. */
    @Test
    void productGradientSurvivesCollection() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int round = 0; round < 5; round++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(new float[] {1f, -2f, 3f, 0.5f});
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray y;
                        try (NDScope scope = new NDScope()) {
                            y = x.mul(Scalars.like(x, 3)).square().sum();
                            NDScope.unregister(y);
                        }
                        FreedMemory.overwrite();
                        collector.backward(y);
                    }
                    // d/dx (3x)² = 18x
                    assertArrayEquals(new float[] {18f, -36f, 54f, 9f}, x.getGradient().toFloatArray(),
                            "gradient in round " + round);
                }
            }
        }
    }
}

package dev.barrier.model.diffusion.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The sinusoidal timestep features of the transformer position encoding, as used by Ho et al. (2020): for
 * d features and frequencies f_i = 10000^(−i / (d/2)), i = 0 … d/2 − 1, the features of t are
 * [sin(t f_0), …, sin(t f_{d/2−1}), cos(t f_0), …, cos(t f_{d/2−1})].
 */
final class TimeFeatures {

    private TimeFeatures() {
    }

    /**
     * Computes the features of timesteps [B].
     *
     * @param timesteps int64 or float timesteps [B]
     * @param features  d, an even number of features
     * @return float32 features [B, d], in the manager of {@code timesteps}
     */
    static NDArray of(NDArray timesteps, int features) {
        int half = features / 2;
        float[] frequencies = new float[half];
        for (int i = 0; i < half; i++) {
            frequencies[i] = (float) Math.exp(-Math.log(10_000.0) * i / half);
        }
        NDArray t = timesteps.toType(DataType.FLOAT32, false).reshape(-1, 1);
        NDArray angles = t.mul(timesteps.getManager().create(frequencies, new Shape(1, half)));
        return angles.sin().concat(angles.cos(), 1);
    }
}

package dev.barrier.loss.base.internal;

import ai.djl.ndarray.NDArray;

import dev.barrier.api.loss.LossContext;
import dev.barrier.api.model.Batch;
import dev.barrier.api.model.DiffusionModel;

/**
 * The random-label analogue for class-conditional diffusion models: noise the forget images at random
 * timesteps, then pull the noise prediction conditioned on their class towards the model's prediction for a
 * fixed other class on the same noised input, which is detached so only the forget-class prediction moves.
 */
final class DiffusionRandomLabel {

    private DiffusionRandomLabel() {
    }

    static NDArray loss(DiffusionModel model, LossContext context, Batch batch, int targetClass) {
        int classes = model.inputSpec().numClasses();
        long[] labels = batch.labels().toLongArray();
        long[] targets = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            long target = targetClass >= 0 ? targetClass : (labels[i] + 1) % classes;
            if (target >= classes) {
                throw new IllegalArgumentException("targetClass " + targetClass + " is outside the model's " + classes
                        + " classes");
            }
            if (target == labels[i]) {
                target = (labels[i] + 1) % classes;
            }
            targets[i] = target;
        }
        int steps = model.schedule().steps();
        long[] timesteps = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            timesteps[i] = context.random().nextInt(steps);
        }
        NDArray x0 = model.encode(batch.images());
        NDArray noise = gaussian(batch, x0, context);
        NDArray t = batch.manager().create(timesteps);
        NDArray sqrtAlphaBar = coefficient(batch, model, timesteps, true, x0);
        NDArray sqrtOneMinus = coefficient(batch, model, timesteps, false, x0);
        NDArray noisy = x0.mul(sqrtAlphaBar).add(noise.mul(sqrtOneMinus));
        NDArray target = model.predictNoise(noisy, t, batch.manager().create(targets), false, null).stopGradient();
        NDArray prediction = model.predictNoise(noisy, t, batch.labels(), context.training(), null);
        return prediction.sub(target).square().mean();
    }

    private static NDArray gaussian(Batch batch, NDArray like, LossContext context) {
        float[] values = new float[(int) like.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) context.random().nextGaussian();
        }
        return batch.manager().create(values, like.getShape());
    }

    private static NDArray coefficient(Batch batch, DiffusionModel model, long[] timesteps, boolean signal,
            NDArray like) {
        float[] values = new float[timesteps.length];
        for (int i = 0; i < values.length; i++) {
            double alphaBar = model.schedule().alphaBar((int) timesteps[i]);
            values[i] = (float) Math.sqrt(signal ? alphaBar : 1 - alphaBar);
        }
        long[] shape = new long[like.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[0] = timesteps.length;
        return batch.manager().create(values, new ai.djl.ndarray.types.Shape(shape));
    }
}

package dev.barrier.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A class-conditional denoising diffusion model with ε-prediction and classifier-free guidance. The
 * denoiser works in a sample space that is either the pixel space or a latent space given by an encoder
 * and decoder (for example a PCA basis).
 */
@ConsumerType
public interface DiffusionModel extends NetworkModel {

    /** Returns the noise schedule. */
    NoiseSchedule schedule();

    /** Returns the class index that stands for "no class", used for unconditional predictions. */
    default int nullClass() {
        return inputSpec().numClasses();
    }

    /** Returns the shape of one sample in the denoiser's space, without the batch dimension. */
    long[] sampleShape();

    /**
     * Maps images to the denoiser's space.
     *
     * @param images float32 images [B, C, H, W] with values in [0, 1]
     * @return samples [B, sampleShape...]
     */
    NDArray encode(NDArray images);

    /**
     * Maps samples back to images.
     *
     * @return float32 images [B, C, H, W], clipped to [0, 1]
     */
    NDArray decode(NDArray samples);

    /**
     * Predicts the noise that was added to {@code noisy}.
     *
     * @param noisy      noised samples x_t [B, sampleShape...]
     * @param timesteps  int64 timesteps t in [0, T) [B]
     * @param classes    int64 class indices [B], {@link #nullClass()} for unconditional
     * @param training   whether layers run in training mode
     * @param tap        receives the inputs of the target layers, or null
     * @return the predicted noise, shaped like {@code noisy}
     */
    NDArray predictNoise(NDArray noisy, NDArray timesteps, NDArray classes, boolean training, LayerTap tap);

    /**
     * Generates images of the given classes.
     *
     * @param classes  one class index per image to generate
     * @param settings the sampler, its number of steps and the guidance weight
     * @param seed     seeds the initial noise and any sampling noise
     * @param manager  owns the returned array
     * @return float32 images [classes.length, C, H, W] in [0, 1]
     * @throws IllegalArgumentException if a class is out of range or the step count exceeds the schedule
     */
    NDArray sample(int[] classes, SamplingSettings settings, long seed, NDManager manager);
}

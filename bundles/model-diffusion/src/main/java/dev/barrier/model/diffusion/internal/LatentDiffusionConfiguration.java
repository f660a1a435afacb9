package dev.barrier.model.diffusion.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Defaults of the {@code latent-diffusion} model adapter. A pipeline file's {@code model} section overrides
 * each of them. Attributes with a prefix ({@code codec_components}, {@code schedule_steps},
 * {@code training_epochs}: properties {@code codec.components}, {@code schedule.steps},
 * {@code training.epochs} in a {@code .cfg} file) are the defaults of the section of that name.
 */
@ObjectClassDefinition(name = "BARRIER latent-diffusion model adapter",
        description = "Defaults of the latent-diffusion model adapter; the model section of a pipeline file"
                + " overrides them.")
public @interface LatentDiffusionConfiguration {

    /** Denoiser width. */
    @AttributeDefinition(name = "Hidden width", description = "Width of the denoiser's hidden Linear layers.")
    int hidden() default 384;

    /** Residual blocks. */
    @AttributeDefinition(name = "Residual blocks", description = "Number of residual blocks (two Linear layers each).")
    int blocks() default 3;

    /** Timestep features. */
    @AttributeDefinition(name = "Timestep features",
            description = "Number of sinusoidal timestep features (even) fed to the time embedding.")
    int timeFeatures() default 128;

    /** Codec type. */
    @AttributeDefinition(name = "Codec type", description = "How images are mapped to latent vectors.",
            options = {@Option(label = "Principal component analysis", value = "pca")})
    String codec_type() default "pca";

    /** Codec width. */
    @AttributeDefinition(name = "Codec components",
            description = "Number of principal components kept: the width of the latent vectors.")
    int codec_components() default 64;

    /** Whitening. */
    @AttributeDefinition(name = "Whiten",
            description = "Whether each latent coordinate is divided by its standard deviation over the training"
                    + " images.")
    boolean codec_whiten() default true;

    /** Timesteps. */
    @AttributeDefinition(name = "Schedule steps", description = "Number of timesteps T of the linear beta schedule.")
    int schedule_steps() default 1000;

    /** First beta. */
    @AttributeDefinition(name = "Beta start", description = "Beta of the first timestep.")
    double schedule_betaStart() default 1e-4;

    /** Last beta. */
    @AttributeDefinition(name = "Beta end", description = "Beta of the last timestep.")
    double schedule_betaEnd() default 0.02;

    /** Class dropout. */
    @AttributeDefinition(name = "Class dropout",
            description = "Probability in [0, 1) that training replaces a class by the null class, for"
                    + " classifier-free guidance.")
    double classDropout() default 0.1;

    /** Training epochs. */
    @AttributeDefinition(name = "Epochs", description = "Passes over the training data; 0 to stop at maxSteps only.")
    int training_epochs() default 0;

    /** Step limit. */
    @AttributeDefinition(name = "Maximum steps", description = "A limit on optimiser steps; 0 for none.")
    long training_maxSteps() default 6000;

    /** Batch size. */
    @AttributeDefinition(name = "Batch size", description = "Images per optimiser step.")
    int training_batchSize() default 256;

    /** Optimiser. */
    @AttributeDefinition(name = "Optimizer", description = "The optimiser.",
            options = {@Option(label = "Adam", value = "adam"), @Option(label = "SGD with momentum", value = "sgd")})
    String training_optimizer() default "adam";

    /** Learning rate. */
    @AttributeDefinition(name = "Learning rate", description = "The optimiser's learning rate.")
    double training_learningRate() default 0.001;

    /** SGD momentum. */
    @AttributeDefinition(name = "Momentum", description = "SGD momentum in [0, 1); ignored by Adam.")
    double training_momentum() default 0.9;

    /** Weight decay. */
    @AttributeDefinition(name = "Weight decay", description = "L2 weight decay; 0 for none.")
    double training_weightDecay() default 0;

    /** Gradient clipping. */
    @AttributeDefinition(name = "Gradient clip",
            description = "The largest global L2 norm of the gradients; 0 for no clipping.")
    double training_gradientClip() default 1.0;

    /** Training seed. */
    @AttributeDefinition(name = "Seed",
            description = "Seeds the shuffling of batches and the timesteps, noise and class dropping of training.")
    long training_seed() default 0;
}

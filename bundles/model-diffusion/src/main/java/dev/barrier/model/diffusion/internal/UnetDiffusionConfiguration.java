package dev.barrier.model.diffusion.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Defaults of the {@code unet-diffusion} model adapter. A pipeline file's {@code model} section overrides
 * each of them. Attributes with a prefix ({@code schedule_steps}, {@code training_epochs}: properties
 * {@code schedule.steps}, {@code training.epochs} in a {@code .cfg} file) are the defaults of the section of
 * that name. The training defaults suit a GPU.
 */
@ObjectClassDefinition(name = "BARRIER unet-diffusion model adapter",
        description = "Defaults of the unet-diffusion model adapter; the model section of a pipeline file"
                + " overrides them.")
public @interface UnetDiffusionConfiguration {

    /** Base width. */
    @AttributeDefinition(name = "Width",
            description = "Channels of the first level (even); lower levels have twice as many.")
    int width() default 32;

    /** Resolutions. */
    @AttributeDefinition(name = "Levels",
            description = "Number of resolutions; image height and width must be divisible by 2^(levels - 1).")
    int levels() default 3;

    /** Attention placement. */
    @AttributeDefinition(name = "Attention level",
            description = "First level (1 = full resolution) from which on the down and up paths have attention"
                    + " blocks; 0 for attention in the middle block only.")
    int attention() default 3;

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
    int training_epochs() default 20;

    /** Step limit. */
    @AttributeDefinition(name = "Maximum steps", description = "A limit on optimiser steps; 0 for none.")
    long training_maxSteps() default 0;

    /** Batch size. */
    @AttributeDefinition(name = "Batch size", description = "Images per optimiser step.")
    int training_batchSize() default 128;

    /** Optimiser. */
    @AttributeDefinition(name = "Optimizer", description = "The optimiser.",
            options = {@Option(label = "Adam", value = "adam"), @Option(label = "SGD with momentum", value = "sgd")})
    String training_optimizer() default "adam";

    /** Learning rate. */
    @AttributeDefinition(name = "Learning rate", description = "The optimiser's learning rate.")
    double training_learningRate() default 2e-4;

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

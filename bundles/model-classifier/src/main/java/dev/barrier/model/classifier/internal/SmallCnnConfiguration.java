package dev.barrier.model.classifier.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Defaults of the {@code small-cnn} model adapter. A pipeline file's {@code model} section overrides each
 * of them. The {@code training_*} attributes (properties {@code training.epochs} and so on in a {@code .cfg}
 * file) are the defaults of its {@code training} subsection.
 */
@ObjectClassDefinition(name = "BARRIER small-cnn model adapter",
        description = "Defaults of the small-cnn model adapter; the model section of a pipeline file overrides them.")
public @interface SmallCnnConfiguration {

    /** Output channels of conv1 and conv2. */
    @AttributeDefinition(name = "Channels", description = "Output channels of conv1 and conv2 (two integers).")
    int[] channels() default {16, 32};

    /** Output width of fc1. */
    @AttributeDefinition(name = "Hidden units", description = "Output width of the hidden Linear layer fc1.")
    int hidden() default 64;

    /** Training epochs. */
    @AttributeDefinition(name = "Epochs", description = "Passes over the training data.")
    int training_epochs() default 3;

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
    double training_gradientClip() default 0;

    /** Training seed. */
    @AttributeDefinition(name = "Seed", description = "Seeds the initialisation and the shuffling of batches.")
    long training_seed() default 0;
}

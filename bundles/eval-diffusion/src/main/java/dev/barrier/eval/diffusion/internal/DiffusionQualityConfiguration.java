package dev.barrier.eval.diffusion.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Defaults of the {@code diffusion-quality} evaluator; a pipeline file's {@code evaluators} entry overrides them. */
@ObjectClassDefinition(name = "BARRIER diffusion-quality evaluator",
        description = "Defaults of the diffusion-quality evaluator: recognition of generated samples by the"
                + " platform's classifier, a Frechet distance in its features, and sample grids.")
public @interface DiffusionQualityConfiguration {

    /** Samples per class. */
    @AttributeDefinition(name = "Samples per class", description = "Images generated per class and model.")
    int samplesPerClass() default 500;

    /** Sampler. */
    @AttributeDefinition(name = "Sampler", description = "The sampling algorithm.",
            options = {@Option(label = "DDIM", value = "ddim"), @Option(label = "DDPM", value = "ddpm")})
    String sampler() default "ddim";

    /** Sampling steps. */
    @AttributeDefinition(name = "Steps",
            description = "Denoising steps, at most the model's number of timesteps.")
    int steps() default 50;

    /** Guidance weight. */
    @AttributeDefinition(name = "Guidance",
            description = "Classifier-free guidance weight w in [0, 100]: eps = (1 + w) eps(x, c) - w eps(x, null).")
    double guidance() default 2.0;

    /** DDIM eta. */
    @AttributeDefinition(name = "Eta", description = "DDIM's eta in [0, 1]; 0 is deterministic. Ignored by DDPM.")
    double eta() default 0.0;

    /** Generation seed. */
    @AttributeDefinition(name = "Seed", description = "Seeds the generation; every evaluated model gets the same seeds.")
    long seed() default 0;

    /** Batch size. */
    @AttributeDefinition(name = "Batch size", description = "Images generated and classified per batch.")
    int batchSize() default 500;

    /** Classifier adapter. */
    @AttributeDefinition(name = "Classifier adapter",
            description = "The model adapter of the classifier that recognises generated images; it must have a"
                    + " target layer named head.")
    String classifier_adapter() default "small-cnn";
}

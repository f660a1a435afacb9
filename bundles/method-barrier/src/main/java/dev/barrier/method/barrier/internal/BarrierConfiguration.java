package dev.barrier.method.barrier.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the BARRIER method; a pipeline file's values win. */
@ObjectClassDefinition(name = "BARRIER method", description = "Defaults of the BARRIER unlearning method.")
public @interface BarrierConfiguration {

    @AttributeDefinition(name = "Base loss", description = "The base loss plug-in that drives forgetting (ga, rl, ft).")
    String base() default "ga";

    @AttributeDefinition(name = "Linear extractor", description = "Activation extractor for Linear layers.")
    String linearExtractor() default "linear";

    @AttributeDefinition(name = "Convolution extractor", description = "Activation extractor for Conv2d layers:"
            + " conv-patch (exact for any kernel) or conv-channel (the reference's rows).")
    String convExtractor() default "conv-patch";

    @AttributeDefinition(name = "Projection", description = "Projection strategy plug-in.")
    String projection() default "svd";

    @AttributeDefinition(name = "Region", description = "Region builder plug-in.")
    String region() default "interval-hypercube";

    @AttributeDefinition(name = "Protection loss", description = "Protection loss plug-in.")
    String protection() default "barrier";

    @AttributeDefinition(name = "Epochs", description = "Epochs over the forget set.")
    int epochs() default 3;

    @AttributeDefinition(name = "Batch size", description = "Forget images per step.")
    int batchSize() default 128;

    @AttributeDefinition(name = "Learning rate", description = "Adam learning rate of the target layers.")
    double learningRate() default 1e-3;

    @AttributeDefinition(name = "Gradient clip", description = "Largest gradient L2 norm over the target"
            + " parameters; 0 disables clipping.")
    double gradientClip() default 0;

    @AttributeDefinition(name = "Retain weight", description = "Weight of the task loss on a retain batch added"
            + " to each step; 0 disables it. On Fashion-MNIST a weight of 2 kept retain and test accuracy within"
            + " about a point of the original model's while the forget set was unlearned.")
    double retainWeight() default 2;
}

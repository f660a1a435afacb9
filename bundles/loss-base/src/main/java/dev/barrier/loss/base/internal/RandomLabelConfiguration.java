package dev.barrier.loss.base.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the random-label base loss. */
@ObjectClassDefinition(name = "Random-label base loss", description = "Cross-entropy towards random labels on"
        + " forget batches; for diffusion models, the forget class's noise prediction pulled towards another class's.")
public @interface RandomLabelConfiguration {

    @AttributeDefinition(name = "Labels", description = "'other' draws each random label from the classes other"
            + " than the true one; 'all' draws from every class, as the reference does.")
    String labels() default "other";

    @AttributeDefinition(name = "Target class", description = "Diffusion models only: the class whose noise"
            + " prediction the forget class is steered to; -1 picks the class after the forgotten one.")
    int targetClass() default -1;
}

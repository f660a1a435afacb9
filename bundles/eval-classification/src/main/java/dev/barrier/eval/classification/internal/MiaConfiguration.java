package dev.barrier.eval.classification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the {@code mia} evaluator; a pipeline file's {@code evaluators} entry overrides them. */
@ObjectClassDefinition(name = "MIA-efficacy evaluator",
        description = "Defaults of the 'mia' evaluator: membership inference with an RBF support vector machine on"
                + " the true-label probability.")
public @interface MiaConfiguration {

    /** Images per forward pass. */
    @AttributeDefinition(name = "Batch size", description = "Images per forward pass.", min = "1")
    int batchSize() default 500;

    /** LIBSVM's kernel cache. */
    @AttributeDefinition(name = "SVM cache size",
            description = "Kernel cache of the support vector machine, in MB (LIBSVM's cache_size).", min = "1")
    int cacheSizeMb() default 200;
}

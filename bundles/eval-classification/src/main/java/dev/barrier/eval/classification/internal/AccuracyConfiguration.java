package dev.barrier.eval.classification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the {@code accuracy} evaluator; a pipeline file's {@code evaluators} entry overrides them. */
@ObjectClassDefinition(name = "Accuracy evaluator",
        description = "Defaults of the 'accuracy' evaluator: unlearning, retain, test and per-class accuracy of"
                + " classifiers.")
public @interface AccuracyConfiguration {

    /** Images per forward pass. */
    @AttributeDefinition(name = "Batch size", description = "Images per forward pass.", min = "1")
    int batchSize() default 500;
}

package dev.barrier.projection.svd.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Platform-wide defaults of the {@code svd} projection strategy; a pipeline file's section overrides them. */
@ObjectClassDefinition(name = "BARRIER projection: svd",
        description = "Exact eigendecomposition of the forget rows' Gram matrix; the top directions are the forget"
                + " subspace.")
public @interface SvdProjectionConfiguration {

    /** Returns the default number of forget directions k. */
    @AttributeDefinition(name = "Reduced dimension",
            description = "Number of forget directions k: the principal directions of largest singular value."
                    + " At least 1 and at most the row width of each target layer.")
    int reducedDim() default SvdProjectionFactory.DEFAULT_REDUCED_DIM;
}

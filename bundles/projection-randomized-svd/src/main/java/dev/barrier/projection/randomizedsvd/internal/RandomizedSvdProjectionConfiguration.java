package dev.barrier.projection.randomizedsvd.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Platform-wide defaults of the {@code randomized-svd} projection strategy; a pipeline file's section overrides
 * them.
 */
@ObjectClassDefinition(name = "BARRIER projection: randomized-svd",
        description = "Top forget directions of the forget rows' Gram matrix by a randomized range finder, for"
                + " wide layers.")
public @interface RandomizedSvdProjectionConfiguration {

    /** Returns the default number of forget directions k. */
    @AttributeDefinition(name = "Reduced dimension",
            description = "Number of forget directions k. At least 1 and at most the row width of each target"
                    + " layer.")
    int reducedDim() default RandomizedSvdProjectionFactory.DEFAULT_REDUCED_DIM;

    /** Returns the default number of extra test vectors. */
    @AttributeDefinition(name = "Oversampling",
            description = "Extra random test vectors beyond k; more make the top directions more accurate."
                    + " At least 0.")
    int oversampling() default RandomizedSvdProjectionFactory.DEFAULT_OVERSAMPLING;

    /** Returns the default number of power iterations. */
    @AttributeDefinition(name = "Power iterations",
            description = "Power iterations, each a product with the Gram matrix and its transpose followed by"
                    + " re-orthonormalisation; more help when the spectrum decays slowly. At least 0.")
    int powerIterations() default RandomizedSvdProjectionFactory.DEFAULT_POWER_ITERATIONS;

    /** Returns the default seed. */
    @AttributeDefinition(name = "Seed", description = "Seed of the Gaussian test matrix.")
    long seed() default 0L;
}

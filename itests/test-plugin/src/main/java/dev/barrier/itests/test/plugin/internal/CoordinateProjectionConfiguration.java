package dev.barrier.itests.test.plugin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the {@code test-coordinate} projection strategy. */
@ObjectClassDefinition(name = "Coordinate-axis projection (test)", description = "Keeps the first coordinate axes"
        + " of the activation rows as forget directions; used by the integration tests.")
public @interface CoordinateProjectionConfiguration {

    @AttributeDefinition(name = "Reduced dimension", description = "The number k of coordinate axes kept as"
            + " forget directions when a pipeline file does not set reducedDim; at least 1.")
    int reducedDim() default 1;
}

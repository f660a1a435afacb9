package dev.barrier.loss.barrier.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Defaults of the {@code barrier} protection loss. A pipeline file's {@code protection} section overrides
 * each of them; Configuration Admin ({@code dev.barrier.loss.barrier.cfg} in the deploy folder) changes the
 * defaults.
 */
@ObjectClassDefinition(name = "BARRIER protection loss 'barrier'",
        description = "Default settings of the mean, residual and interval terms of the protection loss.")
public @interface BarrierLossConfiguration {

    /** The PID under which Configuration Admin configures the defaults. */
    String PID = "dev.barrier.loss.barrier";

    @AttributeDefinition(name = "Lambda", description = "Factor of the total protection loss; must be positive.")
    double lambda() default 1.0;

    @AttributeDefinition(name = "Normalize", description = "Divide the sum over target layers by the number of"
            + " target layers; the groups of a grouped convolution count as one layer.")
    boolean normalize() default true;

    @AttributeDefinition(name = "Residual scale", description = "per-row divides the residual term by the number"
            + " of activation rows the projection was fitted on, so it does not grow with the forget set;"
            + " reference reproduces the reference implementation, which does not divide.",
            options = {@Option(label = "per-row", value = "per-row"), @Option(label = "reference", value = "reference")})
    String residualScale() default "per-row";

    @AttributeDefinition(name = "Mean term", description = "Penalise the change of the outputs at the forget mean.")
    boolean meanTerm() default true;

    @AttributeDefinition(name = "Residual term", description = "Penalise changes along the residual directions,"
            + " weighted by their singular values.")
    boolean residualTerm() default true;

    @AttributeDefinition(name = "Interval term", description = "Penalise the range of the output change over the"
            + " protected region in projected space (the region's mode: corner or complement).")
    boolean intervalTerm() default true;
}

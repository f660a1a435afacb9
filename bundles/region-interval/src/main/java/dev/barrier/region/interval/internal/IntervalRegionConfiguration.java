package dev.barrier.region.interval.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Platform-wide defaults of the {@code interval-hypercube} region builder. A pipeline file's section overrides
 * them.
 */
@ObjectClassDefinition(name = "BARRIER region: interval-hypercube",
        description = "Per-direction quantile boxes of the projected forget rows inside an outer box.")
public @interface IntervalRegionConfiguration {

    /** Returns the default lower quantile of the forget box. */
    @AttributeDefinition(name = "Lower percentile",
            description = "Lower edge a of the forget box, as a fraction strictly between 0 and 1 (0.05 is the"
                    + " 5th percentile of each direction's forget projections).")
    double lowerPercentile() default IntervalRegionBuilderFactory.DEFAULT_LOWER_PERCENTILE;

    /** Returns the default upper quantile of the forget box. */
    @AttributeDefinition(name = "Upper percentile",
            description = "Upper edge b of the forget box, as a fraction strictly between 0 and 1 and greater than"
                    + " the lower percentile.")
    double upperPercentile() default IntervalRegionBuilderFactory.DEFAULT_UPPER_PERCENTILE;

    /** Returns the default way the outer box is formed. */
    @AttributeDefinition(name = "Outer bounds",
            description = "scale: the forget box widened by infinityScale on each side. actual: the range of the"
                    + " forget and retain projections (needs a pass over the retain rows).")
    String bounds() default "scale";

    /** Returns the default margin of the outer box. */
    @AttributeDefinition(name = "Infinity scale",
            description = "Margin between the forget box and the outer box, in projected units (absolute, not"
                    + " relative to the box width). Greater than 0.")
    double infinityScale() default IntervalRegionBuilderFactory.DEFAULT_INFINITY_SCALE;

    /** Returns the default region mode. */
    @AttributeDefinition(name = "Mode",
            description = "complement: the protection loss covers the whole outer box minus the forget box."
                    + " corner: only the all-low and all-high boxes, as the reference implementation does.")
    String mode() default "complement";
}

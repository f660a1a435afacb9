package dev.barrier.report.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of the {@code plots} reporter; a pipeline file's {@code reporters} entry overrides them. */
@ObjectClassDefinition(name = "Plots reporter",
        description = "Defaults of the 'plots' reporter: PNG charts of per-class accuracy, certificates and metrics.")
public @interface PlotsConfiguration {

    /** Image width. */
    @AttributeDefinition(name = "Width", description = "Width of each chart in pixels.", min = "200", max = "4000")
    int width() default 900;

    /** Image height. */
    @AttributeDefinition(name = "Height", description = "Height of each chart in pixels.", min = "150", max = "4000")
    int height() default 540;
}

package dev.barrier.itests.test.plugin.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.api.projection.ProjectionStrategyFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Projection strategy {@code test-coordinate}: the forget directions are the first {@code reducedDim}
 * coordinate axes of the activation rows. Keys: {@code reducedDim} (an integer of at least 1; whether it fits
 * the layer's width is checked when fitting, because the width is not known earlier).
 */
@Component(service = ProjectionStrategyFactory.class, property = "name=" + CoordinateProjection.NAME,
        configurationPid = "dev.barrier.itests.projection.coordinate")
@Designate(ocd = CoordinateProjectionConfiguration.class)
public final class CoordinateProjectionFactory implements ProjectionStrategyFactory {

    private final CoordinateProjectionConfiguration defaults;

    /** Creates the factory with its configured defaults. */
    @Activate
    public CoordinateProjectionFactory(CoordinateProjectionConfiguration defaults) {
        this.defaults = defaults;
    }

    @Override
    public ProjectionStrategy create(ConfigSection config, PluginResolver plugins) {
        int reducedDim = config.getInt("reducedDim", defaults.reducedDim(), 1, Integer.MAX_VALUE);
        return new CoordinateProjection(reducedDim);
    }

    @Override
    public String description() {
        return "test strategy: the first reducedDim coordinate axes as forget directions";
    }
}

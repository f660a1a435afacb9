package dev.barrier.projection.identity.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.api.projection.ProjectionStrategyFactory;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@code identity} projection strategy. It has no settings; a {@code reducedDim} key is accepted
 * (so a section written for another strategy still validates) and ignored with a warning.
 */
@Component(service = ProjectionStrategyFactory.class, property = "name=" + IdentityProjection.NAME,
        configurationPid = "dev.barrier.projection.identity")
public final class IdentityProjectionFactory implements ProjectionStrategyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProjectionFactory.class);

    static final String REDUCED_DIM = "reducedDim";

    /** Creates the factory. */
    public IdentityProjectionFactory() {
    }

    @Override
    public ProjectionStrategy create(ConfigSection config, PluginResolver plugins) {
        if (config.has(REDUCED_DIM)) {
            config.markRead(REDUCED_DIM);
            LOG.warn("{}: the identity projection ignores reducedDim; every raw dimension is its own direction",
                    config.pathOf(REDUCED_DIM));
        }
        return new IdentityProjection();
    }

    @Override
    public String description() {
        return "no projection: every raw dimension is its own direction and there is no residual";
    }
}

package dev.barrier.projection.svd.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.api.projection.ProjectionStrategyFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@code svd} projection strategy. Section keys: {@code reducedDim} (integer, at least 1; the
 * default comes from {@link SvdProjectionConfiguration}).
 */
@Component(service = ProjectionStrategyFactory.class, property = "name=" + SvdProjection.NAME,
        configurationPid = "dev.barrier.projection.svd")
@Designate(ocd = SvdProjectionConfiguration.class)
public final class SvdProjectionFactory implements ProjectionStrategyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SvdProjectionFactory.class);

    /** The built-in default of {@code reducedDim}. */
    static final int DEFAULT_REDUCED_DIM = 32;

    static final String REDUCED_DIM = "reducedDim";

    private final int defaultReducedDim;

    /**
     * Creates the factory with the configured defaults.
     *
     * @throws IllegalArgumentException if the configured default reduced dimension is below 1; the component
     *         then fails to activate
     */
    @Activate
    public SvdProjectionFactory(SvdProjectionConfiguration configuration) {
        this(configuration.reducedDim());
        LOG.debug("svd projection factory active, default reducedDim {}", defaultReducedDim);
    }

    /** Creates the factory with the built-in defaults, for use outside an OSGi framework. */
    public SvdProjectionFactory() {
        this(DEFAULT_REDUCED_DIM);
    }

    SvdProjectionFactory(int defaultReducedDim) {
        if (defaultReducedDim < 1) {
            throw new IllegalArgumentException("configured default reducedDim must be at least 1, got "
                    + defaultReducedDim);
        }
        this.defaultReducedDim = defaultReducedDim;
    }

    @Override
    public ProjectionStrategy create(ConfigSection config, PluginResolver plugins) {
        int reducedDim = config.getInt(REDUCED_DIM, defaultReducedDim);
        if (reducedDim < 1) {
            throw config.error(REDUCED_DIM, "expected a number of forget directions of at least 1, got " + reducedDim);
        }
        return new SvdProjection(reducedDim);
    }

    @Override
    public String description() {
        return "exact eigendecomposition of the forget rows' Gram matrix; the top reducedDim directions form the"
                + " forget subspace";
    }
}

package dev.barrier.projection.randomizedsvd.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.projection.ProjectionStrategy;
import dev.barrier.api.projection.ProjectionStrategyFactory;
import dev.barrier.linalg.RandomizedSvd;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@code randomized-svd} projection strategy. Section keys: {@code reducedDim} (integer, at least
 * 1), {@code oversampling} (integer, at least 0), {@code powerIterations} (integer, at least 0) and {@code seed}
 * (integer); defaults come from {@link RandomizedSvdProjectionConfiguration}.
 */
@Component(service = ProjectionStrategyFactory.class, property = "name=" + RandomizedSvdProjection.NAME,
        configurationPid = "dev.barrier.projection.randomizedsvd")
@Designate(ocd = RandomizedSvdProjectionConfiguration.class)
public final class RandomizedSvdProjectionFactory implements ProjectionStrategyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RandomizedSvdProjectionFactory.class);

    /** The built-in default of {@code reducedDim}. */
    static final int DEFAULT_REDUCED_DIM = 32;
    /** The built-in default of {@code oversampling}. */
    static final int DEFAULT_OVERSAMPLING = RandomizedSvd.DEFAULT_OVERSAMPLING;
    /** The built-in default of {@code powerIterations}. */
    static final int DEFAULT_POWER_ITERATIONS = RandomizedSvd.DEFAULT_POWER_ITERATIONS;

    static final String REDUCED_DIM = "reducedDim";
    static final String OVERSAMPLING = "oversampling";
    static final String POWER_ITERATIONS = "powerIterations";
    static final String SEED = "seed";

    private final Settings defaults;

    /** The strategy's settings. */
    record Settings(int reducedDim, int oversampling, int powerIterations, long seed) {
    }

    /**
     * Creates the factory with the configured defaults.
     *
     * @throws IllegalArgumentException if a configured default is out of range; the component then fails to
     *         activate
     */
    @Activate
    public RandomizedSvdProjectionFactory(RandomizedSvdProjectionConfiguration configuration) {
        this(new Settings(configuration.reducedDim(), configuration.oversampling(), configuration.powerIterations(),
                configuration.seed()));
        LOG.debug("randomized-svd projection factory active, defaults {}", defaults);
    }

    /** Creates the factory with the built-in defaults, for use outside an OSGi framework. */
    public RandomizedSvdProjectionFactory() {
        this(new Settings(DEFAULT_REDUCED_DIM, DEFAULT_OVERSAMPLING, DEFAULT_POWER_ITERATIONS, 0L));
    }

    RandomizedSvdProjectionFactory(Settings defaults) {
        if (defaults.reducedDim() < 1 || defaults.oversampling() < 0 || defaults.powerIterations() < 0) {
            throw new IllegalArgumentException("configured defaults out of range: " + defaults
                    + "; expected reducedDim >= 1, oversampling >= 0 and powerIterations >= 0");
        }
        this.defaults = defaults;
    }

    @Override
    public ProjectionStrategy create(ConfigSection config, PluginResolver plugins) {
        int reducedDim = config.getInt(REDUCED_DIM, defaults.reducedDim());
        if (reducedDim < 1) {
            throw config.error(REDUCED_DIM, "expected a number of forget directions of at least 1, got " + reducedDim);
        }
        int oversampling = config.getInt(OVERSAMPLING, defaults.oversampling());
        if (oversampling < 0) {
            throw config.error(OVERSAMPLING, "expected a number of extra test vectors of at least 0, got "
                    + oversampling);
        }
        int powerIterations = config.getInt(POWER_ITERATIONS, defaults.powerIterations());
        if (powerIterations < 0) {
            throw config.error(POWER_ITERATIONS, "expected a number of power iterations of at least 0, got "
                    + powerIterations);
        }
        long seed = config.getLong(SEED, defaults.seed());
        return new RandomizedSvdProjection(new Settings(reducedDim, oversampling, powerIterations, seed));
    }

    @Override
    public String description() {
        return "top reducedDim directions of the forget rows' Gram matrix by a randomized range finder, for wide"
                + " layers";
    }
}

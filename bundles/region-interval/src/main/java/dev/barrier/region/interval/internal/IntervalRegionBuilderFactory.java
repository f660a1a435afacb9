package dev.barrier.region.interval.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.region.RegionBuilder;
import dev.barrier.api.region.RegionBuilderFactory;
import dev.barrier.api.region.RegionMode;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@code interval-hypercube} region builder. Section keys: {@code lowerPercentile} and
 * {@code upperPercentile} (fractions strictly between 0 and 1, lower below upper), {@code bounds}
 * ({@code scale} or {@code actual}), {@code infinityScale} (greater than 0, in projected units) and {@code mode}
 * ({@code corner} or {@code complement}); defaults come from {@link IntervalRegionConfiguration}.
 */
@Component(service = RegionBuilderFactory.class, property = "name=" + IntervalRegionBuilder.NAME,
        configurationPid = "dev.barrier.region.interval")
@Designate(ocd = IntervalRegionConfiguration.class)
public final class IntervalRegionBuilderFactory implements RegionBuilderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(IntervalRegionBuilderFactory.class);

    /** The built-in default of {@code lowerPercentile}. */
    static final double DEFAULT_LOWER_PERCENTILE = 0.05;
    /** The built-in default of {@code upperPercentile}. */
    static final double DEFAULT_UPPER_PERCENTILE = 0.95;
    /** The built-in default of {@code infinityScale}. */
    static final double DEFAULT_INFINITY_SCALE = 20.0;

    static final String LOWER_PERCENTILE = "lowerPercentile";
    static final String UPPER_PERCENTILE = "upperPercentile";
    static final String BOUNDS = "bounds";
    static final String INFINITY_SCALE = "infinityScale";
    static final String MODE = "mode";

    private final IntervalRegionBuilder.Settings defaults;

    /**
     * Creates the factory with the configured defaults.
     *
     * @throws IllegalArgumentException if a configured default is invalid; the component then fails to activate
     */
    @Activate
    public IntervalRegionBuilderFactory(IntervalRegionConfiguration configuration) {
        this(new IntervalRegionBuilder.Settings(configuration.lowerPercentile(), configuration.upperPercentile(),
                parse(OuterBounds.class, BOUNDS, configuration.bounds()), configuration.infinityScale(),
                parse(RegionMode.class, MODE, configuration.mode())));
        LOG.debug("interval-hypercube region builder factory active, defaults {}", defaults);
    }

    /** Creates the factory with the built-in defaults, for use outside an OSGi framework. */
    public IntervalRegionBuilderFactory() {
        this(new IntervalRegionBuilder.Settings(DEFAULT_LOWER_PERCENTILE, DEFAULT_UPPER_PERCENTILE, OuterBounds.SCALE,
                DEFAULT_INFINITY_SCALE, RegionMode.COMPLEMENT));
    }

    IntervalRegionBuilderFactory(IntervalRegionBuilder.Settings defaults) {
        String problem = validate(defaults);
        if (problem != null) {
            throw new IllegalArgumentException("invalid configured default: " + problem);
        }
        this.defaults = defaults;
    }

    @Override
    public RegionBuilder create(ConfigSection config, PluginResolver plugins) {
        double lower = config.getDouble(LOWER_PERCENTILE, defaults.lowerPercentile());
        requireFraction(config, LOWER_PERCENTILE, lower);
        double upper = config.getDouble(UPPER_PERCENTILE, defaults.upperPercentile());
        requireFraction(config, UPPER_PERCENTILE, upper);
        if (!(lower < upper)) {
            throw config.error(UPPER_PERCENTILE, "expected upperPercentile greater than lowerPercentile, got"
                    + " lowerPercentile " + lower + " and upperPercentile " + upper);
        }
        OuterBounds bounds = config.getEnum(BOUNDS, OuterBounds.class, defaults.bounds());
        double infinityScale = config.getDouble(INFINITY_SCALE, defaults.infinityScale());
        if (!(infinityScale > 0 && Double.isFinite(infinityScale))) {
            throw config.error(INFINITY_SCALE, "expected a positive margin in projected units, got " + infinityScale);
        }
        RegionMode mode = config.getEnum(MODE, RegionMode.class, defaults.mode());
        return new IntervalRegionBuilder(new IntervalRegionBuilder.Settings(lower, upper, bounds, infinityScale, mode));
    }

    @Override
    public String description() {
        return "forget box of per-direction quantiles inside a scale or actual outer box, in corner or complement"
                + " mode";
    }

    private static void requireFraction(ConfigSection config, String key, double value) {
        if (!(value > 0 && value < 1)) {
            throw config.error(key, "expected a fraction strictly between 0 and 1 (0.05 means the 5th percentile),"
                    + " got " + value);
        }
    }

    /** Returns a description of the first invalid value in {@code settings}, or null when all are valid. */
    private static String validate(IntervalRegionBuilder.Settings settings) {
        if (!(settings.lowerPercentile() > 0 && settings.lowerPercentile() < 1)) {
            return "lowerPercentile must be strictly between 0 and 1, got " + settings.lowerPercentile();
        }
        if (!(settings.upperPercentile() > 0 && settings.upperPercentile() < 1)) {
            return "upperPercentile must be strictly between 0 and 1, got " + settings.upperPercentile();
        }
        if (!(settings.lowerPercentile() < settings.upperPercentile())) {
            return "lowerPercentile " + settings.lowerPercentile() + " must be below upperPercentile "
                    + settings.upperPercentile();
        }
        if (!(settings.infinityScale() > 0 && Double.isFinite(settings.infinityScale()))) {
            return "infinityScale must be greater than 0, got " + settings.infinityScale();
        }
        return null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String key, String text) {
        for (E constant : type.getEnumConstants()) {
            if (ConfigSection.enumText(constant).equals(text.toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new IllegalArgumentException("invalid configured default " + key + " '" + text + "'; expected one of "
                + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(ConfigSection::enumText)
                        .toList()));
    }
}

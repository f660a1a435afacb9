package dev.barrier.loss.barrier.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.loss.ProtectionLoss;
import dev.barrier.api.loss.ProtectionLossFactory;
import dev.barrier.api.plugin.PluginResolver;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers the {@code barrier} protection loss. Keys of its section: {@code lambda} (positive number),
 * {@code normalize} (boolean), {@code residualScale} ({@code per-row} or {@code reference}), and
 * {@code meanTerm}, {@code residualTerm}, {@code intervalTerm} (booleans, at least one true). Their defaults
 * come from {@link BarrierLossConfiguration}.
 */
@Component(service = ProtectionLossFactory.class, property = "name=" + BarrierLoss.NAME,
        configurationPid = BarrierLossConfiguration.PID)
@Designate(ocd = BarrierLossConfiguration.class)
public final class BarrierLossFactory implements ProtectionLossFactory {

    private final BarrierLossSettings defaults;

    /**
     * Reads the defaults.
     *
     * @throws IllegalArgumentException if a default is invalid; the component then fails to activate
     */
    @Activate
    public BarrierLossFactory(BarrierLossConfiguration configuration) {
        this.defaults = new BarrierLossSettings(configuration.lambda(), configuration.normalize(),
                parseScale(configuration.residualScale()), configuration.meanTerm(), configuration.residualTerm(),
                configuration.intervalTerm());
    }

    /** Creates a factory with the given defaults, for embedding and tests. */
    public BarrierLossFactory(BarrierLossSettings defaults) {
        this.defaults = defaults;
    }

    @Override
    public ProtectionLoss create(ConfigSection config, PluginResolver plugins) {
        return new BarrierLoss(settings(config));
    }

    /** Reads and validates every key of {@code config}, with this factory's defaults. */
    BarrierLossSettings settings(ConfigSection config) {
        double lambda = config.getDouble("lambda", defaults.lambda());
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw config.error("lambda", "expected a positive finite number, got " + lambda);
        }
        boolean normalize = config.getBoolean("normalize", defaults.normalize());
        ResidualScale scale = config.getEnum("residualScale", ResidualScale.class, defaults.residualScale());
        boolean meanTerm = config.getBoolean("meanTerm", defaults.meanTerm());
        boolean residualTerm = config.getBoolean("residualTerm", defaults.residualTerm());
        boolean intervalTerm = config.getBoolean("intervalTerm", defaults.intervalTerm());
        if (!meanTerm && !residualTerm && !intervalTerm) {
            throw config.error("intervalTerm", "meanTerm, residualTerm and intervalTerm are all false; at least one"
                    + " term must be on (to run without protection, leave the protection loss out)");
        }
        return new BarrierLossSettings(lambda, normalize, scale, meanTerm, residualTerm, intervalTerm);
    }

    @Override
    public String description() {
        return "mean, residual and interval terms on the target weights (bounded activation regions)";
    }

    private static ResidualScale parseScale(String text) {
        for (ResidualScale scale : ResidualScale.values()) {
            if (ConfigSection.enumText(scale).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return scale;
            }
        }
        throw new IllegalArgumentException("residualScale must be per-row or reference, got '" + text + "'");
    }
}

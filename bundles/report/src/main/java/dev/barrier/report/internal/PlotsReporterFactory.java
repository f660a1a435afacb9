package dev.barrier.report.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginFactory;
import dev.barrier.api.plugin.PluginResolver;
import dev.barrier.api.report.Reporter;
import dev.barrier.api.report.ReporterFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Creates the {@code plots} reporter. Keys: {@code width} (pixels, from {@value #MIN_WIDTH} to
 * {@value #MAX_SIZE}) and {@code height} (pixels, from {@value #MIN_HEIGHT} to {@value #MAX_SIZE}).
 */
@Component(service = ReporterFactory.class, property = PluginFactory.NAME_PROPERTY + "=" + PlotsReporter.NAME,
        configurationPid = "dev.barrier.report.plots")
@Designate(ocd = PlotsConfiguration.class)
public final class PlotsReporterFactory implements ReporterFactory {

    static final int MIN_WIDTH = 200;
    static final int MIN_HEIGHT = 150;
    static final int MAX_SIZE = 4000;

    private final PlotsConfiguration defaults;

    /** Creates the factory with the defaults from Configuration Admin (or the annotation's); makes AWT headless. */
    @Activate
    public PlotsReporterFactory(PlotsConfiguration defaults) {
        PlotsReporter.ensureHeadless();
        this.defaults = defaults;
    }

    /**
     * Creates a reporter configured by {@code config}.
     *
     * @throws dev.barrier.api.config.ConfigurationException if a size is not an integer in range
     */
    @Override
    public Reporter create(ConfigSection config, PluginResolver plugins) {
        int width = config.getInt("width", defaults.width(), MIN_WIDTH, MAX_SIZE);
        int height = config.getInt("height", defaults.height(), MIN_HEIGHT, MAX_SIZE);
        return new PlotsReporter(width, height);
    }

    @Override
    public String description() {
        return "PNG charts: per-class accuracy per method, certificate bound against drift, metrics per model";
    }
}

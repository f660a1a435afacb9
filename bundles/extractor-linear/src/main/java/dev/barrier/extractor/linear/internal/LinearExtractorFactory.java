package dev.barrier.extractor.linear.internal;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.activation.ActivationExtractorFactory;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginResolver;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Registers the {@code linear} activation extractor. It has no configuration keys, so any key in its section
 * is reported as unknown by the runtime.
 */
@Component(service = ActivationExtractorFactory.class, property = "name=" + LinearExtractor.NAME)
public final class LinearExtractorFactory implements ActivationExtractorFactory {

    private final LinearExtractor extractor = new LinearExtractor();

    /** Creates the factory; the extractor is stateless, so one instance serves every request. */
    @Activate
    public LinearExtractorFactory() {
    }

    @Override
    public ActivationExtractor create(ConfigSection config, PluginResolver plugins) {
        return extractor;
    }

    @Override
    public String description() {
        return "the input vectors of a Linear layer as activation rows";
    }
}

package dev.barrier.extractor.conv.patch.internal;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.activation.ActivationExtractorFactory;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginResolver;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Registers the {@code conv-patch} activation extractor. It has no configuration keys, so any key in its
 * section is reported as unknown by the runtime.
 */
@Component(service = ActivationExtractorFactory.class, property = "name=" + ConvPatchExtractor.NAME)
public final class ConvPatchExtractorFactory implements ActivationExtractorFactory {

    private final ConvPatchExtractor extractor = new ConvPatchExtractor();

    /** Creates the factory; the extractor is stateless, so one instance serves every request. */
    @Activate
    public ConvPatchExtractorFactory() {
    }

    @Override
    public ActivationExtractor create(ConfigSection config, PluginResolver plugins) {
        return extractor;
    }

    @Override
    public String description() {
        return "one row per output position of a Conv2d layer with the unfolded input patch (exact for any kernel)";
    }
}

package dev.barrier.extractor.conv.channel.internal;

import dev.barrier.api.activation.ActivationExtractor;
import dev.barrier.api.activation.ActivationExtractorFactory;
import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.plugin.PluginResolver;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Registers the {@code conv-channel} activation extractor. It has no configuration keys, so any key in its
 * section is reported as unknown by the runtime.
 */
@Component(service = ActivationExtractorFactory.class, property = "name=" + ConvChannelExtractor.NAME)
public final class ConvChannelExtractorFactory implements ActivationExtractorFactory {

    private final ConvChannelExtractor extractor = new ConvChannelExtractor();

    /** Creates the factory; the extractor is stateless, so one instance serves every request. */
    @Activate
    public ConvChannelExtractorFactory() {
    }

    @Override
    public ActivationExtractor create(ConfigSection config, PluginResolver plugins) {
        return extractor;
    }

    @Override
    public String description() {
        return "one row per input pixel of a Conv2d layer with its channel values (reference; exact for 1x1"
                + " kernels, centre tap only otherwise)";
    }
}

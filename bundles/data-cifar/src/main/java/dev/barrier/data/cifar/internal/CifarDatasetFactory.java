package dev.barrier.data.cifar.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.data.DatasetProviderFactory;
import dev.barrier.api.plugin.PluginResolver;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@code cifar} dataset providers, which read the binary CIFAR-10 and CIFAR-100 files.
 *
 * <p>Keys: {@code path} (the folder, required), {@code variant} ({@code cifar-10} or {@code cifar-100}),
 * {@code labels} ({@code fine} or {@code coarse}, CIFAR-100 only), {@code limitTrain} and {@code limitTest} (keep
 * the first N images; 0 keeps all). The factory only validates values; the files are read by
 * {@link DatasetProvider#load}.
 */
@Component(service = DatasetProviderFactory.class, property = "name=cifar", configurationPid = CifarConfiguration.PID)
@Designate(ocd = CifarConfiguration.class)
public final class CifarDatasetFactory implements DatasetProviderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CifarDatasetFactory.class);

    private final CifarConfiguration defaults;

    /** Creates the factory with the defaults from Configuration Admin. */
    @Activate
    public CifarDatasetFactory(CifarConfiguration defaults) {
        this.defaults = defaults;
        LOG.debug("Dataset provider 'cifar' active, default variant {}", defaults.variant());
    }

    /**
     * Validates {@code config} and creates a provider; reads no files.
     *
     * @throws dev.barrier.api.config.ConfigurationException if a value is missing or invalid
     */
    @Override
    public DatasetProvider create(ConfigSection config, PluginResolver plugins) {
        Path folder = folder(config);
        CifarVariant variant = config.getEnum("variant", CifarVariant.class,
                componentDefault(config, "variant", CifarVariant.class, defaults.variant()));
        CifarLabels labels = config.getEnum("labels", CifarLabels.class,
                componentDefault(config, "labels", CifarLabels.class, defaults.labels()));
        if (variant == CifarVariant.CIFAR_10 && labels == CifarLabels.COARSE) {
            throw config.error("labels", "expected fine for cifar-10, got coarse; coarse labels exist only in"
                    + " cifar-100");
        }
        int limitTrain = config.getInt("limitTrain", defaults.limitTrain(), 0, Integer.MAX_VALUE);
        int limitTest = config.getInt("limitTest", defaults.limitTest(), 0, Integer.MAX_VALUE);

        return new CifarDatasetProvider(new CifarSettings(folder, variant, labels, limitTrain, limitTest));
    }

    @Override
    public String description() {
        return "the binary CIFAR-10 and CIFAR-100 files";
    }

    private Path folder(ConfigSection config) {
        Optional<String> configured = config.findString("path");
        String text;
        if (configured.isPresent()) {
            text = configured.get();
        } else if (!defaults.path().isEmpty()) {
            text = defaults.path();
            config.recordResolved("path", text);
        } else {
            throw config.error("path", "missing required key 'path'; set it to the folder that contains the"
                    + " CIFAR binary files");
        }

        if (text.isBlank()) {
            throw config.error("path", "expected a folder, got an empty value");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw config.error("path", "expected a folder, got '" + text + "': " + e.getMessage());
        }
    }

    /** Parses a value of the component configuration into an enum constant, failing like a pipeline value would. */
    private static <E extends Enum<E>> E componentDefault(ConfigSection config, String key, Class<E> type,
            String text) {
        for (E constant : type.getEnumConstants()) {
            if (ConfigSection.enumText(constant).equals(text.toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw config.error(key, "the component configuration's default " + key + " '" + text + "' is unknown");
    }
}

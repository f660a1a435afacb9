package dev.barrier.data.idx.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.data.DatasetProviderFactory;
import dev.barrier.api.plugin.PluginResolver;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@code idx} dataset providers, which read IDX files as used by MNIST and Fashion-MNIST.
 *
 * <p>Keys: {@code preset} ({@code fashion-mnist}, {@code mnist} or {@code none}), {@code path} (the folder;
 * required unless the preset has a standard one), {@code trainImages}, {@code trainLabels}, {@code testImages},
 * {@code testLabels} (file names, found with or without {@code .gz}), {@code classNames}, {@code limitTrain} and
 * {@code limitTest} (keep the first N images; 0 keeps all). The factory only validates values; the files are
 * read by {@link DatasetProvider#load}.
 */
@Component(service = DatasetProviderFactory.class, property = "name=idx", configurationPid = IdxConfiguration.PID)
@Designate(ocd = IdxConfiguration.class)
public final class IdxDatasetFactory implements DatasetProviderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(IdxDatasetFactory.class);

    private final IdxConfiguration defaults;

    /** Creates the factory with the defaults from Configuration Admin. */
    @Activate
    public IdxDatasetFactory(IdxConfiguration defaults) {
        this.defaults = defaults;
        LOG.debug("Dataset provider 'idx' active, default preset {}", defaults.preset());
    }

    /**
     * Validates {@code config} and creates a provider; reads no files.
     *
     * @throws dev.barrier.api.config.ConfigurationException if a value is missing or invalid
     */
    @Override
    public DatasetProvider create(ConfigSection config, PluginResolver plugins) {
        IdxPreset defaultPreset = IdxPreset.fromText(defaults.preset()).orElseThrow(() -> config.error("preset",
                "the component configuration's default preset '" + defaults.preset()
                        + "' is unknown; expected fashion-mnist, mnist or none"));
        IdxPreset preset = config.getEnum("preset", IdxPreset.class, defaultPreset);
        Path folder = folder(config, preset);

        String trainImages = fileName(config, "trainImages", defaults.trainImages());
        String trainLabels = fileName(config, "trainLabels", defaults.trainLabels());
        String testImages = fileName(config, "testImages", defaults.testImages());
        String testLabels = fileName(config, "testLabels", defaults.testLabels());
        List<String> classNames = classNames(config, preset);
        int limitTrain = config.getInt("limitTrain", defaults.limitTrain(), 0, Integer.MAX_VALUE);
        int limitTest = config.getInt("limitTest", defaults.limitTest(), 0, Integer.MAX_VALUE);

        return new IdxDatasetProvider(new IdxSettings(preset, folder, trainImages, trainLabels, testImages,
                testLabels, classNames, limitTrain, limitTest));
    }

    @Override
    public String description() {
        return "IDX files as used by MNIST and Fashion-MNIST, plain or gzipped";
    }

    private Path folder(ConfigSection config, IdxPreset preset) {
        Optional<String> configured = config.findString("path");
        String text;
        if (configured.isPresent()) {
            text = configured.get();
        } else if (!defaults.path().isEmpty()) {
            text = defaults.path();
            config.recordResolved("path", text);
        } else if (preset.defaultFolder().isPresent()) {
            text = preset.defaultFolder().get().toString();
            config.recordResolved("path", text);
        } else {
            throw config.error("path", "missing required key 'path': the preset " + preset.text()
                    + " has no standard folder; set it to the folder that holds the IDX files");
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

    private static String fileName(ConfigSection config, String key, String defaultName) {
        String name = config.getString(key, defaultName);
        if (name.isBlank()) {
            throw config.error(key, "expected a file name, got an empty value");
        }
        try {
            Path.of(name);
        } catch (InvalidPathException e) {
            throw config.error(key, "expected a file name, got '" + name + "': " + e.getMessage());
        }
        return name;
    }

    private List<String> classNames(ConfigSection config, IdxPreset preset) {
        List<String> defaultNames = defaults.classNames().length > 0 ? List.of(defaults.classNames())
                : preset.classNames().orElse(null);
        List<String> names = config.getStringList("classNames", defaultNames);
        if (names == null) {
            return null;
        }
        if (names.isEmpty()) {
            throw config.error("classNames", "expected at least one class name, got an empty list");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw config.error("classNames", "expected non-empty class names, got " + names);
            }
            if (!seen.add(name)) {
                throw config.error("classNames", "expected distinct class names, got '" + name + "' twice in "
                        + names);
            }
        }
        return List.copyOf(names);
    }
}

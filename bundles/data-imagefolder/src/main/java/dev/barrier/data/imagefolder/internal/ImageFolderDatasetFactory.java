package dev.barrier.data.imagefolder.internal;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.data.DatasetProviderFactory;
import dev.barrier.api.plugin.PluginResolver;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@code image-folder} dataset providers, which read images laid out as one sub-folder per class.
 *
 * <p>Keys: {@code path} (the folder, required), {@code trainFolder} and {@code testFolder} (sub-folder names,
 * {@code train} and {@code test}), {@code channels} (1 for grey or 3 for RGB), {@code size} ([height, width];
 * default: the first training image's size), {@code resize} (scale images of another size instead of failing),
 * {@code limitTrain} and {@code limitTest} (keep the first N images; 0 keeps all). The factory only validates
 * values; the images are read by {@link DatasetProvider#load}.
 */
@Component(service = DatasetProviderFactory.class, property = "name=image-folder",
        configurationPid = ImageFolderConfiguration.PID)
@Designate(ocd = ImageFolderConfiguration.class)
public final class ImageFolderDatasetFactory implements DatasetProviderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderDatasetFactory.class);

    private final ImageFolderConfiguration defaults;

    /** Creates the factory with the defaults from Configuration Admin. */
    @Activate
    public ImageFolderDatasetFactory(ImageFolderConfiguration defaults) {
        this.defaults = defaults;
        LOG.debug("Dataset provider 'image-folder' active, default channels {}", defaults.channels());
    }

    /**
     * Validates {@code config} and creates a provider; reads no files.
     *
     * @throws dev.barrier.api.config.ConfigurationException if a value is missing or invalid
     */
    @Override
    public DatasetProvider create(ConfigSection config, PluginResolver plugins) {
        Path folder = folder(config);
        String trainFolder = folderName(config, "trainFolder", defaults.trainFolder());
        String testFolder = folderName(config, "testFolder", defaults.testFolder());
        if (trainFolder.equals(testFolder)) {
            throw config.error("testFolder", "expected a folder other than the training folder, got '" + testFolder
                    + "' for both");
        }

        int channels = config.getInt("channels", defaults.channels());
        if (channels != 1 && channels != 3) {
            throw config.error("channels", "expected 1 (grey) or 3 (RGB), got " + channels);
        }
        List<Integer> size = config.getIntList("size", Arrays.stream(defaults.size()).boxed().toList());
        if (!size.isEmpty() && (size.size() != 2 || size.get(0) <= 0 || size.get(1) <= 0)) {
            throw config.error("size", "expected [height, width] with two positive integers, got " + size);
        }
        boolean resize = config.getBoolean("resize", defaults.resize());
        int limitTrain = config.getInt("limitTrain", defaults.limitTrain(), 0, Integer.MAX_VALUE);
        int limitTest = config.getInt("limitTest", defaults.limitTest(), 0, Integer.MAX_VALUE);

        int height = size.isEmpty() ? 0 : size.get(0);
        int width = size.isEmpty() ? 0 : size.get(1);
        return new ImageFolderDatasetProvider(new ImageFolderSettings(folder, trainFolder, testFolder, channels,
                height, width, resize, limitTrain, limitTest));
    }

    @Override
    public String description() {
        return "images in one sub-folder per class (PNG, JPEG, BMP, GIF)";
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
                    + " training and test folders");
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

    private static String folderName(ConfigSection config, String key, String defaultName) {
        String name = config.getString(key, defaultName);
        if (name.isBlank()) {
            throw config.error(key, "expected a folder name, got an empty value");
        }
        try {
            Path.of(name);
        } catch (InvalidPathException e) {
            throw config.error(key, "expected a folder name, got '" + name + "': " + e.getMessage());
        }
        return name;
    }
}

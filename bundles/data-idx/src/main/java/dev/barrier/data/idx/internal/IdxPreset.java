package dev.barrier.data.idx.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The datasets the {@code idx} provider supports by name, with their default folder and class names. */
enum IdxPreset {

    /** Zalando's Fashion-MNIST, installed by the {@code dataset-fashion-mnist} package. */
    FASHION_MNIST("fashion-mnist", Path.of("/usr/share/datasets/fashion-mnist"),
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            "install it with `sudo apt-get install dataset-fashion-mnist` or set 'path'"),

    /** The MNIST handwritten digits. */
    MNIST("mnist", null, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), null),

    /** Any other IDX dataset: no default folder, classes numbered from 0 to the largest label. */
    NONE("none", null, null, null);

    private final String text;
    private final Path defaultFolder;
    private final List<String> classNames;
    private final String installHint;

    IdxPreset(String text, Path defaultFolder, List<String> classNames, String installHint) {
        this.text = text;
        this.defaultFolder = defaultFolder;
        this.classNames = classNames;
        this.installHint = installHint;
    }

    /** Returns the name written in configuration files, such as {@code fashion-mnist}. */
    String text() {
        return text;
    }

    /** Returns the folder the dataset is installed in, if it has a standard one. */
    Optional<Path> defaultFolder() {
        return Optional.ofNullable(defaultFolder);
    }

    /** Returns the class names, or empty when they are numbered from the labels found. */
    Optional<List<String>> classNames() {
        return Optional.ofNullable(classNames);
    }

    /** Returns how to install the dataset when its folder is missing, if that is known. */
    Optional<String> installHint() {
        return Optional.ofNullable(installHint);
    }

    /** Returns the preset written as {@code text}, or empty if there is none. */
    static Optional<IdxPreset> fromText(String text) {
        for (IdxPreset preset : values()) {
            if (preset.text.equals(text)) {
                return Optional.of(preset);
            }
        }
        return Optional.empty();
    }
}

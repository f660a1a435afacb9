package dev.barrier.data.cifar.internal;

import dev.barrier.api.data.DatasetException;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.runtime.RunContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the training and test sets of CIFAR-10 or CIFAR-100 from the binary files. The files are looked for in
 * the configured folder, then in the sub-folder the archive extracts to ({@code cifar-10-batches-bin} or
 * {@code cifar-100-binary}).
 *
 * <p>Class names come from {@code batches.meta.txt} (CIFAR-10) or {@code fine_label_names.txt} and
 * {@code coarse_label_names.txt} (CIFAR-100), one name per line, when the file is present. Without it, CIFAR-10
 * uses the standard ten names and CIFAR-100 numbers its classes from 0.
 */
final class CifarDatasetProvider implements DatasetProvider {

    private static final Logger LOG = LoggerFactory.getLogger(CifarDatasetProvider.class);

    private final CifarSettings settings;

    CifarDatasetProvider(CifarSettings settings) {
        this.settings = settings;
    }

    /**
     * Reads the files.
     *
     * @throws DatasetException if the folder or a file is missing, a file size is not a whole number of
     *         records, a label is out of range, or a class names file has the wrong number of lines
     */
    @Override
    public DatasetSplits load(RunContext context) {
        long start = System.nanoTime();
        CifarVariant variant = settings.variant();
        Path folder = dataFolder();
        checkFiles(folder);
        List<String> classNames = classNames(folder);

        CifarReader.Part train = CifarReader.read(resolve(folder, variant.trainFiles()), variant, settings.labels(),
                settings.limitTrain());
        context.checkCancelled();
        CifarReader.Part test = CifarReader.read(resolve(folder, variant.testFiles()), variant, settings.labels(),
                settings.limitTest());

        String name = variant.title().toLowerCase(Locale.ROOT)
                + (variant == CifarVariant.CIFAR_100 && settings.labels() == CifarLabels.COARSE ? "-coarse" : "");
        ImageDataset trainSet = dataset(name + "/train", train, classNames);
        ImageDataset testSet = dataset(name + "/test", test, classNames);
        logLimit(context, "training", trainSet.size(), train.totalCount(), settings.limitTrain());
        logLimit(context, "test", testSet.size(), test.totalCount(), settings.limitTest());
        LOG.debug("Read {} and {} from {} in {} ms", trainSet, testSet, folder,
                (System.nanoTime() - start) / 1_000_000);
        return new DatasetSplits(trainSet, testSet, folder + " (" + String.join(", ", variant.dataFiles()) + ")");
    }

    @Override
    public String describe() {
        String labels = settings.variant() == CifarVariant.CIFAR_100
                ? ", " + settings.labels().name().toLowerCase(Locale.ROOT) + " labels" : "";
        return settings.variant().title() + " binary files in " + settings.folder() + labels;
    }

    /** Returns the configured folder, or the archive's sub-folder when the files are there instead. */
    private Path dataFolder() {
        Path folder = settings.folder();
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder, Files.exists(folder)
                    ? "expected a folder with " + settings.variant().title() + " binary files, found a file"
                    : "folder not found");
        }
        Path archiveFolder = folder.resolve(settings.variant().archiveFolder());
        String firstFile = settings.variant().trainFiles().get(0);
        if (!Files.exists(folder.resolve(firstFile)) && Files.isDirectory(archiveFolder)) {
            return archiveFolder;
        }
        return folder;
    }

    private void checkFiles(Path folder) {
        CifarVariant variant = settings.variant();
        List<String> missing = new ArrayList<>();
        for (String file : variant.dataFiles()) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(folder, "missing " + variant.title() + " files: " + String.join(", ", missing)
                    + "; expected " + String.join(", ", variant.dataFiles()) + " from the binary version");
        }
    }

    private List<String> classNames(Path folder) {
        CifarVariant variant = settings.variant();
        if (variant == CifarVariant.CIFAR_10) {
            return namesFile(folder.resolve("batches.meta.txt"), 10).orElse(CifarVariant.CIFAR_10_CLASSES);
        }
        if (settings.labels() == CifarLabels.COARSE) {
            return namesFile(folder.resolve("coarse_label_names.txt"), 20).orElse(numbered(20));
        }
        return namesFile(folder.resolve("fine_label_names.txt"), 100).orElse(numbered(100));
    }

    /** Reads one class name per non-blank line, if the file exists; there must be {@code expected} of them. */
    private static Optional<List<String>> namesFile(Path file, int expected) {
        if (!Files.isRegularFile(file)) {
            LOG.debug("No class names file {}; using default names", file);
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new DatasetException(file, "failed to read the class names: " + e, e);
        }
        if (names.size() != expected) {
            throw new DatasetException(file, "expected " + expected + " class names, one per line, found "
                    + names.size());
        }
        return Optional.of(names);
    }

    private static List<String> numbered(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    private static List<Path> resolve(Path folder, List<String> names) {
        return names.stream().map(folder::resolve).toList();
    }

    private static ImageDataset dataset(String name, CifarReader.Part part, List<String> classNames) {
        return new ImageDataset(name, part.pixels(), part.labels(), CifarVariant.CHANNELS, CifarVariant.SIZE,
                CifarVariant.SIZE, classNames);
    }

    private static void logLimit(RunContext context, String set, int kept, int total, int limit) {
        if (limit > 0 && kept < total) {
            context.log().info("Using the first {} of {} {} images (limit {})", kept, total, set, limit);
        }
    }
}

package dev.barrier.data.idx.internal;

import dev.barrier.api.data.DatasetException;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.runtime.RunContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the training and test sets of an IDX dataset: four files, images and labels of each set, in one
 * folder. Images have one channel.
 *
 * <p>Note: with a limit, only the first images and labels are read, so damage after them (a truncated end, a
 * bad gzip checksum) goes unnoticed, and the class count of the preset {@code none} comes from the labels
 * read.
 */
final class IdxDatasetProvider implements DatasetProvider {

    private static final Logger LOG = LoggerFactory.getLogger(IdxDatasetProvider.class);

    private static final String GZIP_SUFFIX = ".gz";

    private final IdxSettings settings;

    IdxDatasetProvider(IdxSettings settings) {
        this.settings = settings;
    }

    /** Returns the number of class names that the preset or the configuration gives; empty without names. */
    @Override
    public OptionalInt classCount() {
        return settings.classNames() == null ? OptionalInt.empty() : OptionalInt.of(settings.classNames().size());
    }

    /**
     * Reads the four files.
     *
     * @throws DatasetException if the folder or a file is missing, a file is malformed or truncated, image and
     *         label counts differ, the two sets differ in image size, or a label has no class name
     */
    @Override
    public DatasetSplits load(RunContext context) {
        long start = System.nanoTime();
        Path folder = settings.folder();
        checkFolder(folder);
        Path trainImagesFile = locate(folder, settings.trainImages());
        Path trainLabelsFile = locate(folder, settings.trainLabels());
        Path testImagesFile = locate(folder, settings.testImages());
        Path testLabelsFile = locate(folder, settings.testLabels());

        IdxReader.Images trainImages = IdxReader.readImages(trainImagesFile, settings.limitTrain());
        context.checkCancelled();
        IdxReader.Labels trainLabels = IdxReader.readLabels(trainLabelsFile, settings.limitTrain());
        checkCounts(trainImages, trainLabels);
        context.checkCancelled();
        IdxReader.Images testImages = IdxReader.readImages(testImagesFile, settings.limitTest());
        context.checkCancelled();
        IdxReader.Labels testLabels = IdxReader.readLabels(testLabelsFile, settings.limitTest());
        checkCounts(testImages, testLabels);
        checkSameSize(trainImages, testImages);

        List<String> classNames = settings.classNames() != null ? settings.classNames()
                : numberedClasses(trainLabels, testLabels);
        checkLabels(trainLabels, classNames);
        checkLabels(testLabels, classNames);
        for (IdxReader.Images images : List.of(trainImages, testImages)) {
            warnAboutExtraBytes(context, images.file(), images.extraBytes());
        }
        for (IdxReader.Labels labels : List.of(trainLabels, testLabels)) {
            warnAboutExtraBytes(context, labels.file(), labels.extraBytes());
        }

        String name = datasetName();
        ImageDataset train = new ImageDataset(name + "/train", trainImages.pixels(), trainLabels.labels(), 1,
                trainImages.rows(), trainImages.columns(), classNames);
        ImageDataset test = new ImageDataset(name + "/test", testImages.pixels(), testLabels.labels(), 1,
                testImages.rows(), testImages.columns(), classNames);
        logLimit(context, "training", train.size(), trainImages.totalCount(), settings.limitTrain());
        logLimit(context, "test", test.size(), testImages.totalCount(), settings.limitTest());
        LOG.debug("Read {} and {} from {} in {} ms", train, test, folder, (System.nanoTime() - start) / 1_000_000);

        String source = folder + " (" + String.join(", ", List.of(fileName(trainImagesFile),
                fileName(trainLabelsFile), fileName(testImagesFile), fileName(testLabelsFile))) + ")";
        return new DatasetSplits(train, test, source);
    }

    @Override
    public String describe() {
        return "IDX files in " + settings.folder() + " (preset " + settings.preset().text() + ")";
    }

    private void checkFolder(Path folder) {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (Files.exists(folder)) {
            throw new DatasetException(folder, "expected a folder with IDX files, found a file");
        }
        String hint = settings.preset().installHint().map(h -> "; " + h).orElse("");
        throw new DatasetException(folder, "folder not found" + hint);
    }

    /** Finds {@code name} in {@code folder}, with or without the {@code .gz} suffix. */
    private static Path locate(Path folder, String name) {
        String other = name.endsWith(GZIP_SUFFIX) ? name.substring(0, name.length() - GZIP_SUFFIX.length())
                : name + GZIP_SUFFIX;
        for (String candidate : List.of(name, other)) {
            Path file = folder.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new DatasetException(folder.resolve(name), "file not found; looked for " + name + " and " + other
                + " in " + folder);
    }

    private static void checkCounts(IdxReader.Images images, IdxReader.Labels labels) {
        if (images.totalCount() != labels.totalCount()) {
            throw new DatasetException(labels.file(), "expected " + images.totalCount() + " labels, one per image in "
                    + images.file() + ", found " + labels.totalCount());
        }
    }

    private static void checkSameSize(IdxReader.Images train, IdxReader.Images test) {
        if (train.rows() != test.rows() || train.columns() != test.columns()) {
            throw new DatasetException(test.file(), "expected images of " + train.rows() + "x" + train.columns()
                    + " like the training images in " + train.file() + ", found " + test.rows() + "x"
                    + test.columns());
        }
    }

    private static List<String> numberedClasses(IdxReader.Labels train, IdxReader.Labels test) {
        int max = 0;
        for (IdxReader.Labels labels : List.of(train, test)) {
            for (int label : labels.labels()) {
                max = Math.max(max, label);
            }
        }
        List<String> names = new ArrayList<>(max + 1);
        for (int i = 0; i <= max; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    private static void checkLabels(IdxReader.Labels labels, List<String> classNames) {
        int[] values = labels.labels();
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= classNames.size()) {
                throw new DatasetException(labels.file(), "label " + values[i] + " at index " + i
                        + " is outside the " + classNames.size() + " class names: expected 0 to "
                        + (classNames.size() - 1) + "; set classNames to name every class");
            }
        }
    }

    private static void warnAboutExtraBytes(RunContext context, Path file, long extraBytes) {
        if (extraBytes > 0) {
            context.log().warn("{}: ignored {} bytes after the data the IDX header describes", file, extraBytes);
        }
    }

    private static void logLimit(RunContext context, String set, int kept, int total, int limit) {
        if (limit > 0 && kept < total) {
            context.log().info("Using the first {} of {} {} images (limit {})", kept, total, set, limit);
        }
    }

    private String datasetName() {
        if (settings.preset() != IdxPreset.NONE) {
            return settings.preset().text();
        }
        Path name = settings.folder().toAbsolutePath().normalize().getFileName();
        return name == null ? "idx" : name.toString();
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }
}

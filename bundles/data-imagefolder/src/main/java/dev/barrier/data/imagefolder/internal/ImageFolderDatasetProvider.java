package dev.barrier.data.imagefolder.internal;

import dev.barrier.api.data.DatasetException;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.api.runtime.ProgressTask;
import dev.barrier.api.runtime.RunContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a training and a test folder, each with one sub-folder of images per class. The class names are the
 * sorted sub-folder names of the training folder, and the test folder must have the same ones.
 *
 * <p>Images are ordered round-robin over the classes (the first file of each class, then the second, and so on,
 * files sorted by name within a class), so that a limit keeps a slice with every class. Names starting with a
 * dot are ignored, as are folders inside a class folder.
 */
final class ImageFolderDatasetProvider implements DatasetProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderDatasetProvider.class);

    /** The largest array length allocated; the JDK uses the same soft limit (Integer.MAX_VALUE - 8) for its arrays. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final ImageFolderSettings settings;

    ImageFolderDatasetProvider(ImageFolderSettings settings) {
        this.settings = settings;
    }

    /** One image file and its class index. */
    private record Entry(Path file, int label) {
    }

    /** The image size every image must have, and where it came from, for messages. */
    private record TargetSize(int height, int width, String origin) {
    }

    /**
     * Reads and decodes the images.
     *
     * @throws DatasetException if a folder is missing, has no class folders or an empty class, the class sets
     *         differ, or an image is unreadable or of the wrong size
     * @throws java.util.concurrent.CancellationException if the run is cancelled while images are read
     */
    @Override
    public DatasetSplits load(RunContext context) {
        long start = System.nanoTime();
        Path root = settings.folder();
        checkFolder(root, "the dataset");
        Path trainFolder = root.resolve(settings.trainFolder());
        Path testFolder = root.resolve(settings.testFolder());
        checkFolder(trainFolder, "the training images");
        checkFolder(testFolder, "the test images");

        List<String> classNames = classFolders(trainFolder);
        checkSameClasses(trainFolder, classNames, testFolder, classFolders(testFolder));
        List<Entry> trainEntries = limit(entries(trainFolder, classNames), settings.limitTrain());
        List<Entry> testEntries = limit(entries(testFolder, classNames), settings.limitTest());

        ImageDecoder.Decoded first = null;
        TargetSize size;
        if (settings.sizeConfigured()) {
            size = new TargetSize(settings.height(), settings.width(), "the configured size");
        } else {
            first = ImageDecoder.read(trainEntries.get(0).file(), settings.channels());
            size = new TargetSize(first.height(), first.width(), "the first training image "
                    + trainEntries.get(0).file());
        }

        String name = datasetName(root);
        ImageDataset train = read(context, name + "/train", trainEntries, size, first, classNames);
        ImageDataset test = read(context, name + "/test", testEntries, size, null, classNames);
        LOG.debug("Read {} and {} from {} in {} ms", train, test, root, (System.nanoTime() - start) / 1_000_000);
        return new DatasetSplits(train, test, root + " (" + settings.trainFolder() + ", " + settings.testFolder()
                + ")");
    }

    @Override
    public String describe() {
        return "image folders in " + settings.folder() + " (" + settings.trainFolder() + ", " + settings.testFolder()
                + "; " + settings.channels() + (settings.channels() == 1 ? " channel" : " channels") + ")";
    }

    private static void checkFolder(Path folder, String contents) {
        if (Files.isDirectory(folder)) {
            return;
        }
        throw new DatasetException(folder, Files.exists(folder) ? "expected a folder for " + contents
                + ", found a file" : "folder not found; expected it to contain " + contents);
    }

    /** Returns the sorted names of the class sub-folders of {@code folder}. */
    private static List<String> classFolders(Path folder) {
        List<String> names = list(folder, Files::isDirectory).stream().map(p -> p.getFileName().toString()).toList();
        if (names.isEmpty()) {
            throw new DatasetException(folder, "no class folders found; expected one sub-folder of images per class");
        }
        return names;
    }

    private static void checkSameClasses(Path trainFolder, List<String> train, Path testFolder, List<String> test) {
        if (train.equals(test)) {
            return;
        }
        TreeSet<String> onlyTrain = new TreeSet<>(train);
        onlyTrain.removeAll(test);
        TreeSet<String> onlyTest = new TreeSet<>(test);
        onlyTest.removeAll(train);
        throw new DatasetException(testFolder, "expected the same class folders as " + trainFolder + "; only in "
                + trainFolder.getFileName() + ": " + onlyTrain + ", only in " + testFolder.getFileName() + ": "
                + onlyTest);
    }

    /** Returns the image files of every class, interleaved round-robin over the classes. */
    private static List<Entry> entries(Path folder, List<String> classNames) {
        List<List<Path>> perClass = new ArrayList<>();
        int longest = 0;
        for (String className : classNames) {
            Path classFolder = folder.resolve(className);
            List<Path> files = list(classFolder, Files::isRegularFile);
            if (files.isEmpty()) {
                throw new DatasetException(classFolder, "empty class folder: expected at least one image file");
            }
            perClass.add(files);
            longest = Math.max(longest, files.size());
        }

        List<Entry> entries = new ArrayList<>();
        for (int position = 0; position < longest; position++) {
            for (int label = 0; label < perClass.size(); label++) {
                List<Path> files = perClass.get(label);
                if (position < files.size()) {
                    entries.add(new Entry(files.get(position), label));
                }
            }
        }
        return entries;
    }

    /** Returns the entries of {@code folder} that match {@code filter} and do not start with a dot, sorted by name. */
    private static List<Path> list(Path folder, Predicate<Path> filter) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> !p.getFileName().toString().startsWith(".")).filter(filter).sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(folder, "failed to list the folder: " + e, e);
        }
    }

    private static List<Entry> limit(List<Entry> entries, int limit) {
        return limit > 0 && limit < entries.size() ? entries.subList(0, limit) : entries;
    }

    private ImageDataset read(RunContext context, String name, List<Entry> entries, TargetSize size,
            ImageDecoder.Decoded first, List<String> classNames) {
        int channels = settings.channels();
        int imageBytes = channels * size.height() * size.width();
        long totalBytes = (long) entries.size() * imageBytes;
        if (totalBytes > MAX_ARRAY_LENGTH) {
            throw new DatasetException(entries.get(0).file().getParent().getParent(), entries.size() + " images of "
                    + channels + "x" + size.height() + "x" + size.width() + " need " + totalBytes
                    + " bytes, more than one Java array holds; set a limit or a smaller size");
        }

        byte[] pixels = new byte[(int) totalBytes];
        int[] labels = new int[entries.size()];
        try (ProgressTask task = context.progress().start("Read " + name + " images", entries.size(), "images")) {
            for (int i = 0; i < entries.size(); i++) {
                context.checkCancelled();
                Entry entry = entries.get(i);
                ImageDecoder.Decoded decoded = i == 0 && first != null ? first
                        : ImageDecoder.read(entry.file(), channels);
                byte[] image = fit(entry.file(), decoded, size);
                System.arraycopy(image, 0, pixels, i * imageBytes, imageBytes);
                labels[i] = entry.label();
                task.step(1);
            }
        }
        return new ImageDataset(name, pixels, labels, channels, size.height(), size.width(), classNames);
    }

    /** Returns the pixels at the target size, scaled when that is allowed. */
    private byte[] fit(Path file, ImageDecoder.Decoded decoded, TargetSize size) {
        if (decoded.height() == size.height() && decoded.width() == size.width()) {
            return decoded.pixels();
        }
        if (!settings.resize()) {
            throw new DatasetException(file, "image is " + decoded.height() + "x" + decoded.width()
                    + " (height x width), expected " + size.height() + "x" + size.width() + ", " + size.origin()
                    + "; set resize: true to scale images");
        }
        return BilinearResize.resize(decoded.pixels(), settings.channels(), decoded.height(), decoded.width(),
                size.height(), size.width());
    }

    private static String datasetName(Path root) {
        Path name = root.toAbsolutePath().normalize().getFileName();
        return name == null ? "image-folder" : name.toString();
    }
}

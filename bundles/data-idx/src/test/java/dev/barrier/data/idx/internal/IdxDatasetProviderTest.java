package dev.barrier.data.idx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.testing.ComponentDefaults;
import dev.barrier.testing.TestRunContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads small generated IDX files and checks pixels, labels, shapes and class names exactly. */
class IdxDatasetProviderTest {

    /** Rows differ from columns so that a swapped header field shows. */
    private static final int ROWS = 3;
    private static final int COLUMNS = 4;
    private static final int TRAIN_COUNT = 12;
    private static final int TEST_COUNT = 5;

    @TempDir
    Path folder;

    private byte[] trainPixels;
    private byte[] testPixels;
    private int[] trainLabels;
    private int[] testLabels;

    @BeforeEach
    void createData() {
        trainPixels = IdxTestFiles.randomBytes(TRAIN_COUNT * ROWS * COLUMNS, 1);
        testPixels = IdxTestFiles.randomBytes(TEST_COUNT * ROWS * COLUMNS, 2);
        trainLabels = IdxTestFiles.randomLabels(TRAIN_COUNT, 10, 3);
        testLabels = IdxTestFiles.randomLabels(TEST_COUNT, 10, 4);
    }

    @Test
    void plainFilesReadExactly() throws IOException {
        writeFiles(false, "");

        DatasetSplits splits = load(Map.of("preset", "mnist"));

        ImageDataset train = splits.train();
        assertEquals("mnist/train", train.name());
        assertEquals(TRAIN_COUNT, train.size());
        assertEquals(1, train.channels());
        assertEquals(ROWS, train.height());
        assertEquals(COLUMNS, train.width());
        assertArrayEquals(trainPixels, train.pixels());
        assertArrayEquals(trainLabels, train.labels());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), train.classNames());

        ImageDataset test = splits.test();
        assertEquals("mnist/test", test.name());
        assertEquals(TEST_COUNT, test.size());
        assertArrayEquals(testPixels, test.pixels());
        assertArrayEquals(testLabels, test.labels());
    }

    @Test
    void gzippedFilesFoundWithSuffix() throws IOException {
        writeFiles(true, ".gz");

        DatasetSplits splits = load(Map.of("preset", "mnist"));

        assertArrayEquals(trainPixels, splits.train().pixels());
        assertArrayEquals(trainLabels, splits.train().labels());
        assertArrayEquals(testPixels, splits.test().pixels());
        assertArrayEquals(testLabels, splits.test().labels());
        assertTrue(splits.source().contains("train-images-idx3-ubyte.gz"), splits.source());
    }

    @Test
    void gzipDetectedWithoutSuffix() throws IOException {
        writeFiles(true, "");

        DatasetSplits splits = load(Map.of("preset", "mnist"));

        assertArrayEquals(trainPixels, splits.train().pixels());
        assertArrayEquals(testLabels, splits.test().labels());
    }

    @Test
    void configuredGzNameFoundWithoutSuffix() throws IOException {
        writeFiles(false, "");

        DatasetSplits splits = load(Map.of("preset", "mnist", "trainImages", "train-images-idx3-ubyte.gz"));

        assertArrayEquals(trainPixels, splits.train().pixels());
    }

    @Test
    void customFileNames() throws IOException {
        Files.write(folder.resolve("a.idx"), IdxTestFiles.images(TRAIN_COUNT, ROWS, COLUMNS, trainPixels));
        Files.write(folder.resolve("b.idx"), IdxTestFiles.labels(trainLabels));
        Files.write(folder.resolve("c.idx"), IdxTestFiles.images(TEST_COUNT, ROWS, COLUMNS, testPixels));
        Files.write(folder.resolve("d.idx"), IdxTestFiles.labels(testLabels));

        DatasetSplits splits = load(Map.of("preset", "mnist", "trainImages", "a.idx", "trainLabels", "b.idx",
                "testImages", "c.idx", "testLabels", "d.idx"));

        assertArrayEquals(trainPixels, splits.train().pixels());
        assertArrayEquals(trainLabels, splits.train().labels());
        assertArrayEquals(testPixels, splits.test().pixels());
        assertArrayEquals(testLabels, splits.test().labels());
    }

    @Test
    void fashionPresetNamesClasses() throws IOException {
        writeFiles(true, ".gz");

        DatasetSplits splits = load(Map.of());

        assertEquals("fashion-mnist/train", splits.train().name());
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), splits.train().classNames());
        assertEquals(splits.train().classNames(), splits.test().classNames());
    }

    @Test
    void nonePresetNumbersClassesToMaxLabel() throws IOException {
        trainLabels = new int[] {0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1};
        testLabels = new int[] {6, 0, 1, 2, 3};
        writeFiles(false, "");

        DatasetSplits splits = load(Map.of("preset", "none"));

        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6"), splits.train().classNames());
        assertEquals(folder.getFileName() + "/train", splits.train().name());
        assertArrayEquals(new int[] {3, 3, 2, 2, 2, 0, 0}, splits.train().classCounts());
    }

    @Test
    void explicitClassNames() throws IOException {
        trainLabels = new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        testLabels = new int[] {2, 1, 0, 2, 1};
        writeFiles(false, "");

        DatasetSplits splits = load(Map.of("preset", "none", "classNames", List.of("cat", "dog", "bird")));

        assertEquals(List.of("cat", "dog", "bird"), splits.test().classNames());
    }

    @Test
    void limitsKeepFirstImages() throws IOException {
        writeFiles(true, ".gz");
        TestRunContext context = new TestRunContext(folder, 1);

        DatasetSplits splits = provider(Map.of("preset", "mnist", "limitTrain", 5, "limitTest", 2)).load(context);

        assertEquals(5, splits.train().size());
        assertArrayEquals(Arrays.copyOf(trainPixels, 5 * ROWS * COLUMNS), splits.train().pixels());
        assertArrayEquals(Arrays.copyOf(trainLabels, 5), splits.train().labels());
        assertEquals(2, splits.test().size());
        assertArrayEquals(Arrays.copyOf(testPixels, 2 * ROWS * COLUMNS), splits.test().pixels());
        assertArrayEquals(Arrays.copyOf(testLabels, 2), splits.test().labels());
        assertEquals(List.of("Using the first 5 of 12 training images (limit 5)",
                "Using the first 2 of 5 test images (limit 2)"), context.log().infos());
    }

    @Test
    void limitAboveCountKeepsAll() throws IOException {
        writeFiles(false, "");
        TestRunContext context = new TestRunContext(folder, 1);

        DatasetSplits splits = provider(Map.of("preset", "mnist", "limitTrain", 1000)).load(context);

        assertEquals(TRAIN_COUNT, splits.train().size());
        assertTrue(context.log().infos().isEmpty(), context.log().infos().toString());
    }

    @Test
    void extraBytesWarned() throws IOException {
        writeFiles(false, "");
        Path images = folder.resolve("train-images-idx3-ubyte");
        byte[] padded = Arrays.copyOf(Files.readAllBytes(images), (int) Files.size(images) + 3);
        Files.write(images, padded);
        TestRunContext context = new TestRunContext(folder, 1);

        DatasetSplits splits = provider(Map.of("preset", "mnist")).load(context);

        assertArrayEquals(trainPixels, splits.train().pixels());
        assertEquals(List.of(images + ": ignored 3 bytes after the data the IDX header describes"),
                context.log().warnings());
    }

    @Test
    void describeAndSourceNameFolder() throws IOException {
        writeFiles(false, "");

        IdxDatasetProvider provider = provider(Map.of("preset", "mnist"));
        DatasetSplits splits = provider.load(new TestRunContext(folder, 1));

        assertEquals("IDX files in " + folder + " (preset mnist)", provider.describe());
        assertEquals(folder + " (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,"
                + " t10k-labels-idx1-ubyte)", splits.source());
    }

    private void writeFiles(boolean gzip, String suffix) throws IOException {
        write("train-images-idx3-ubyte" + suffix, IdxTestFiles.images(TRAIN_COUNT, ROWS, COLUMNS, trainPixels),
                gzip);
        write("train-labels-idx1-ubyte" + suffix, IdxTestFiles.labels(trainLabels), gzip);
        write("t10k-images-idx3-ubyte" + suffix, IdxTestFiles.images(TEST_COUNT, ROWS, COLUMNS, testPixels), gzip);
        write("t10k-labels-idx1-ubyte" + suffix, IdxTestFiles.labels(testLabels), gzip);
    }

    private void write(String name, byte[] contents, boolean gzip) throws IOException {
        Files.write(folder.resolve(name), gzip ? IdxTestFiles.gzip(contents) : contents);
    }

    private DatasetSplits load(Map<String, Object> values) {
        return provider(values).load(new TestRunContext(folder, 1));
    }

    private IdxDatasetProvider provider(Map<String, Object> values) {
        Map<String, Object> withPath = new HashMap<>(values);
        withPath.put("path", folder.toString());
        ConfigSection config = ConfigSection.of(withPath, "test.yaml");
        return (IdxDatasetProvider) new IdxDatasetFactory(ComponentDefaults.of(IdxConfiguration.class))
                .create(config, null);
    }
}

package dev.barrier.data.idx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetException;
import dev.barrier.api.data.DatasetSplits;
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

/** Each malformed input gives a DatasetException that names the file and the expected and found values. */
class IdxErrorsTest {

    private static final int ROWS = 2;
    private static final int COLUMNS = 3;
    private static final int COUNT = 4;
    /** COUNT * ROWS * COLUMNS. */
    private static final int PIXEL_BYTES = 24;

    @TempDir
    Path folder;

    private Path trainImages;
    private Path trainLabels;
    private Path testImages;
    private Path testLabels;

    @BeforeEach
    void writeValidFiles() throws IOException {
        trainImages = folder.resolve("train-images-idx3-ubyte");
        trainLabels = folder.resolve("train-labels-idx1-ubyte");
        testImages = folder.resolve("t10k-images-idx3-ubyte");
        testLabels = folder.resolve("t10k-labels-idx1-ubyte");
        Files.write(trainImages, IdxTestFiles.images(COUNT, ROWS, COLUMNS, IdxTestFiles.randomBytes(PIXEL_BYTES, 1)));
        Files.write(trainLabels, IdxTestFiles.labels(new int[] {0, 1, 2, 3}));
        Files.write(testImages, IdxTestFiles.images(COUNT, ROWS, COLUMNS, IdxTestFiles.randomBytes(PIXEL_BYTES, 2)));
        Files.write(testLabels, IdxTestFiles.labels(new int[] {3, 2, 1, 0}));
    }

    @Test
    void validFilesLoad() {
        assertEquals(COUNT, load(Map.of()).train().size());
    }

    @Test
    void missingFolderFashionSaysInstall() {
        Path absent = folder.resolve("absent");

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of("preset", "fashion-mnist",
                "path", absent.toString())));

        assertEquals(absent, e.file());
        assertEquals(absent + ": folder not found; install it with `sudo apt-get install dataset-fashion-mnist`"
                + " or set 'path'", e.getMessage());
    }

    @Test
    void missingFolderMnistWithoutHint() {
        Path absent = folder.resolve("absent");

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of("path", absent.toString())));

        assertEquals(absent + ": folder not found", e.getMessage());
    }

    @Test
    void pathToFileRejected() {
        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of("path", trainImages.toString())));

        assertEquals(trainImages + ": expected a folder with IDX files, found a file", e.getMessage());
    }

    @Test
    void missingFileListsNamesTried() throws IOException {
        Files.delete(testLabels);

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(testLabels, e.file());
        assertEquals(testLabels + ": file not found; looked for t10k-labels-idx1-ubyte and"
                + " t10k-labels-idx1-ubyte.gz in " + folder, e.getMessage());
    }

    @Test
    void labelsFileAsImagesGivesWrongMagic() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> load(Map.of("trainImages", "train-labels-idx1-ubyte")));

        assertEquals(trainLabels + ": wrong magic number: expected 0x00000803 (IDX images), found 0x00000801"
                + " (IDX labels)", e.getMessage());
    }

    @Test
    void unknownMagicInLabels() throws IOException {
        byte[] bytes = Files.readAllBytes(trainLabels);
        bytes[0] = 0x12;
        bytes[3] = 0x34;
        Files.write(trainLabels, bytes);

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(trainLabels + ": wrong magic number: expected 0x00000801 (IDX labels), found 0x12000834",
                e.getMessage());
    }

    @Test
    void truncatedPixels() throws IOException {
        truncate(trainImages, 16 + 10);

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(trainImages + ": truncated file: expected 24 bytes of pixels for 4 images of 2x3, found 10",
                e.getMessage());
    }

    @Test
    void truncatedPixelsInGzip() throws IOException {
        truncate(trainImages, 16 + 10);
        Files.write(trainImages, IdxTestFiles.gzip(Files.readAllBytes(trainImages)));

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(trainImages + ": truncated file: expected 24 bytes of pixels for 4 images of 2x3, found 10"
                + " after decompression", e.getMessage());
    }

    @Test
    void truncatedHeader() throws IOException {
        truncate(testImages, 9);

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(testImages + ": truncated file: expected a 16-byte IDX header, found 9 bytes", e.getMessage());
    }

    @Test
    void truncatedLabels() throws IOException {
        truncate(testLabels, 8 + 3);

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(testLabels + ": truncated file: expected 4 bytes of labels, found 3", e.getMessage());
    }

    @Test
    void invalidImageHeader() throws IOException {
        Files.write(trainImages, IdxTestFiles.images(COUNT, 0, COLUMNS, new byte[0]));

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(trainImages + ": invalid IDX images header: expected a count of at least 0 and positive rows"
                + " and columns, found count 4, rows 0, columns 3", e.getMessage());
    }

    @Test
    void corruptGzipChecksum() throws IOException {
        byte[] gzip = IdxTestFiles.gzip(Files.readAllBytes(trainImages));
        // The gzip trailer is the CRC-32 of the data followed by its length; change the CRC-32.
        gzip[gzip.length - 8] ^= 0x55;
        Files.write(trainImages, gzip);

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(trainImages, e.file());
        assertTrue(e.getMessage().startsWith(trainImages + ": corrupt gzip data: "), e.getMessage());
    }

    @Test
    void corruptGzipBlock() throws IOException {
        byte[] gzip = IdxTestFiles.gzip(Files.readAllBytes(trainLabels));
        // The first byte after the 10-byte gzip header starts a deflate block; 0xFF selects the reserved block type.
        gzip[10] = (byte) 0xFF;
        Files.write(trainLabels, gzip);

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertTrue(e.getMessage().startsWith(trainLabels + ": corrupt gzip data: "), e.getMessage());
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] gzip = IdxTestFiles.gzip(IdxTestFiles.images(COUNT, ROWS, COLUMNS,
                IdxTestFiles.randomBytes(PIXEL_BYTES, 1)));
        Files.write(trainImages, Arrays.copyOf(gzip, gzip.length - 12));

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(trainImages, e.file());
        assertTrue(e.getMessage().startsWith(trainImages + ": corrupt gzip data: the compressed stream ends"),
                e.getMessage());
    }

    @Test
    void countsDiffer() throws IOException {
        Files.write(trainLabels, IdxTestFiles.labels(new int[] {0, 1, 2}));

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(trainLabels + ": expected 4 labels, one per image in " + trainImages + ", found 3",
                e.getMessage());
    }

    @Test
    void countsDifferWithLimit() throws IOException {
        Files.write(testLabels, IdxTestFiles.labels(new int[] {0, 1, 2, 3, 4}));

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of("limitTest", 2)));

        assertEquals(testLabels + ": expected 4 labels, one per image in " + testImages + ", found 5",
                e.getMessage());
    }

    @Test
    void labelOutsideClassNames() throws IOException {
        Files.write(testLabels, IdxTestFiles.labels(new int[] {3, 2, 10, 0}));

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(testLabels + ": label 10 at index 2 is outside the 10 class names: expected 0 to 9; set"
                + " classNames to name every class", e.getMessage());
    }

    @Test
    void labelOutsideConfiguredClassNames() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> load(Map.of("preset", "none", "classNames", List.of("a", "b", "c"))));

        assertEquals(trainLabels + ": label 3 at index 3 is outside the 3 class names: expected 0 to 2; set"
                + " classNames to name every class", e.getMessage());
    }

    @Test
    void testImageSizeDiffers() throws IOException {
        Files.write(testImages, IdxTestFiles.images(COUNT, COLUMNS, ROWS, IdxTestFiles.randomBytes(PIXEL_BYTES, 2)));

        DatasetException e = assertThrows(DatasetException.class, () -> load(Map.of()));

        assertEquals(testImages + ": expected images of 2x3 like the training images in " + trainImages
                + ", found 3x2", e.getMessage());
    }

    @Test
    void limitSkipsDamageAfterKeptImages() throws IOException {
        truncate(trainImages, 16 + 2 * ROWS * COLUMNS);

        assertEquals(2, load(Map.of("limitTrain", 2)).train().size());
    }

    private static void truncate(Path file, int length) throws IOException {
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), length));
    }

    private DatasetSplits load(Map<String, Object> values) {
        Map<String, Object> config = new HashMap<>(Map.of("preset", "mnist", "path", folder.toString()));
        config.putAll(values);
        return new IdxDatasetFactory(ComponentDefaults.of(IdxConfiguration.class))
                .create(ConfigSection.of(config, "test.yaml"), null).load(new TestRunContext(folder, 1));
    }
}

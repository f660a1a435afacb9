package dev.barrier.data.imagefolder.internal;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each malformed input gives a DatasetException that names the file or folder and what was expected. */
class ImageFolderErrorsTest {

    @TempDir
    Path folder;

    @Test
    void missingRootFolder() {
        Path absent = folder.resolve("absent");

        DatasetException e = assertThrows(DatasetException.class, () -> load(absent, Map.of()));

        assertEquals(absent, e.file());
        assertEquals(absent + ": folder not found; expected it to contain the dataset", e.getMessage());
    }

    @Test
    void rootIsFile() throws IOException {
        Path file = Files.writeString(folder.resolve("data.txt"), "x");

        DatasetException e = assertThrows(DatasetException.class, () -> load(file, Map.of()));

        assertEquals(file + ": expected a folder for the dataset, found a file", e.getMessage());
    }

    @Test
    void missingTestFolder() throws IOException {
        TestImages.writeRandomPng(folder.resolve("train/a/0.png"), 2, 2, 1);

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(folder.resolve("test") + ": folder not found; expected it to contain the test images",
                e.getMessage());
    }

    @Test
    void missingCustomTrainFolder() throws IOException {
        TestImages.writeRandomPng(folder.resolve("test/a/0.png"), 2, 2, 1);

        DatasetException e = assertThrows(DatasetException.class,
                () -> load(folder, Map.of("trainFolder", "fit")));

        assertEquals(folder.resolve("fit") + ": folder not found; expected it to contain the training images",
                e.getMessage());
    }

    @Test
    void noClassFolders() throws IOException {
        TestImages.writeRandomPng(folder.resolve("train/0.png"), 2, 2, 1);
        TestImages.writeRandomPng(folder.resolve("test/a/0.png"), 2, 2, 2);

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(folder.resolve("train") + ": no class folders found; expected one sub-folder of images per"
                + " class", e.getMessage());
    }

    @Test
    void emptyClass() throws IOException {
        TestImages.writeRandomPng(folder.resolve("train/a/0.png"), 2, 2, 1);
        Files.createDirectories(folder.resolve("train/b"));
        Files.writeString(folder.resolve("train/b/.hidden"), "x");
        TestImages.writeRandomPng(folder.resolve("test/a/0.png"), 2, 2, 2);
        TestImages.writeRandomPng(folder.resolve("test/b/0.png"), 2, 2, 3);

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(folder.resolve("train/b") + ": empty class folder: expected at least one image file",
                e.getMessage());
    }

    @Test
    void classSetsDiffer() throws IOException {
        for (String className : List.of("a", "b", "c")) {
            TestImages.writeRandomPng(folder.resolve("train/" + className + "/0.png"), 2, 2, 1);
        }
        for (String className : List.of("a", "d")) {
            TestImages.writeRandomPng(folder.resolve("test/" + className + "/0.png"), 2, 2, 2);
        }

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(folder.resolve("test") + ": expected the same class folders as " + folder.resolve("train")
                + "; only in train: [b, c], only in test: [d]", e.getMessage());
    }

    @Test
    void textFileIsNotImage() throws IOException {
        writeValidFolders();
        Path notes = Files.writeString(folder.resolve("train/a/notes.txt"), "a text file");

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(notes, e.file());
        assertEquals(notes + ": not an image: expected a PNG, JPEG, BMP or GIF file that ImageIO reads",
                e.getMessage());
    }

    @Test
    void truncatedPngUnreadable() throws IOException {
        writeValidFolders();
        Path png = folder.resolve("test/a/0.png");
        TestImages.writeRandomPng(png, 16, 16, 9);
        Files.write(png, Arrays.copyOf(Files.readAllBytes(png), 60));

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(png, e.file());
        assertTrue(e.getMessage().startsWith(png + ": unreadable image: "), e.getMessage());
    }

    @Test
    void sizeDiffersFromFirstImage() throws IOException {
        Path first = folder.resolve("train/a/0.png");
        TestImages.writeRandomPng(first, 3, 4, 1);
        Path other = folder.resolve("train/b/0.png");
        TestImages.writeRandomPng(other, 4, 3, 2);
        TestImages.writeRandomPng(folder.resolve("test/a/0.png"), 3, 4, 3);
        TestImages.writeRandomPng(folder.resolve("test/b/0.png"), 3, 4, 4);

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(other + ": image is 4x3 (height x width), expected 3x4, the first training image " + first
                + "; set resize: true to scale images", e.getMessage());
    }

    @Test
    void sizeDiffersFromConfigured() throws IOException {
        writeValidFolders();

        DatasetException e = assertThrows(DatasetException.class,
                () -> load(folder, Map.of("size", List.of(28, 28))));

        assertEquals(folder.resolve("train/a/0.png") + ": image is 2x2 (height x width), expected 28x28, the"
                + " configured size; set resize: true to scale images", e.getMessage());
    }

    private void writeValidFolders() throws IOException {
        TestImages.writeRandomPng(folder.resolve("train/a/0.png"), 2, 2, 1);
        TestImages.writeRandomPng(folder.resolve("test/a/0.png"), 2, 2, 2);
    }

    private static DatasetSplits load(Path path, Map<String, Object> values) {
        Map<String, Object> config = new HashMap<>(values);
        config.put("path", path.toString());
        return new ImageFolderDatasetFactory(ComponentDefaults.of(ImageFolderConfiguration.class))
                .create(ConfigSection.of(config, "test.yaml"), null).load(new TestRunContext(path, 1));
    }
}

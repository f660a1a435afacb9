package dev.barrier.data.imagefolder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetProvider;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.testing.ComponentDefaults;
import dev.barrier.testing.RecordedTask;
import dev.barrier.testing.TestRunContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads small generated image folders and checks pixels, labels, shapes and class names exactly. */
class ImageFolderDatasetProviderTest {

    @TempDir
    Path folder;

    @Test
    void rgbPngsReadExactly() throws IOException {
        // Classes are created out of order; the class names must come out sorted.
        ByteArrayOutputStream expectedTrain = new ByteArrayOutputStream();
        long seed = 1;
        for (int position = 0; position < 2; position++) {
            for (String className : List.of("bird", "cat", "dog")) {
                expectedTrain.writeBytes(TestImages.writeRandomPng(
                        folder.resolve("train/" + className + "/img" + position + ".png"), 3, 4, seed++));
            }
        }
        byte[] dogTest = TestImages.writeRandomPng(folder.resolve("test/dog/a.png"), 3, 4, seed++);
        byte[] birdTest = TestImages.writeRandomPng(folder.resolve("test/bird/a.png"), 3, 4, seed++);
        byte[] catTest = TestImages.writeRandomPng(folder.resolve("test/cat/a.png"), 3, 4, seed);

        DatasetSplits splits = load(Map.of());

        ImageDataset train = splits.train();
        assertEquals(folder.getFileName() + "/train", train.name());
        assertEquals(List.of("bird", "cat", "dog"), train.classNames());
        assertEquals(6, train.size());
        assertEquals(3, train.channels());
        assertEquals(3, train.height());
        assertEquals(4, train.width());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, train.labels());
        assertArrayEquals(expectedTrain.toByteArray(), train.pixels());

        ImageDataset test = splits.test();
        assertArrayEquals(new int[] {0, 1, 2}, test.labels());
        ByteArrayOutputStream expectedTest = new ByteArrayOutputStream();
        expectedTest.writeBytes(birdTest);
        expectedTest.writeBytes(catTest);
        expectedTest.writeBytes(dogTest);
        assertArrayEquals(expectedTest.toByteArray(), test.pixels());
    }

    @Test
    void greyIsBt601Luma() throws IOException {
        // Expected values by hand: round(0.299 R + 0.587 G + 0.114 B).
        int[][] colours = {{0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF, 0x0A141E}};
        TestImages.writeRgb(folder.resolve("train/a/x.png"), "png", colours);
        TestImages.writeRgb(folder.resolve("test/a/x.png"), "png", colours);

        ImageDataset train = load(Map.of("channels", 1)).train();

        assertEquals(1, train.channels());
        assertArrayEquals(new byte[] {76, (byte) 150, 29, (byte) 255, 18}, train.pixels());
    }

    @Test
    void greyPngKeepsStoredValues() throws IOException {
        int[][] grey = {{0, 50}, {128, 255}};
        byte[] expected = TestImages.writeGrey(folder.resolve("train/a/x.png"), "png", grey);
        TestImages.writeGrey(folder.resolve("test/a/x.png"), "png", grey);

        byte[] oneChannel = load(Map.of("channels", 1)).train().pixels();
        byte[] threeChannels = load(Map.of("channels", 3)).train().pixels();

        assertArrayEquals(expected, oneChannel);
        assertArrayEquals(new byte[] {0, 50, (byte) 128, (byte) 255, 0, 50, (byte) 128, (byte) 255, 0, 50,
            (byte) 128, (byte) 255}, threeChannels);
    }

    @Test
    void bmpGifAndPalettePngReadExactly() throws IOException {
        // 8 rows: the JDK's GIF reader decodes interlaced GIFs of 2 to 4 rows wrongly (see ImageDecoder).
        int[] palette = {0xFF0000, 0x00FF00, 0x0000FF, 0x102030};
        int[][] indices = new int[8][8];
        int[][] colours = new int[8][8];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                indices[y][x] = (x + 2 * y) % 4;
                colours[y][x] = palette[indices[y][x]];
            }
        }
        byte[] expected = TestImages.writeRgb(folder.resolve("train/a/x.bmp"), "bmp", colours);
        TestImages.writeIndexed(folder.resolve("train/b/y.gif"), "gif", palette, indices);
        TestImages.writeIndexed(folder.resolve("train/c/z.png"), "png", palette, indices);
        for (String className : List.of("a", "b", "c")) {
            TestImages.writeRgb(folder.resolve("test/" + className + "/x.bmp"), "bmp", colours);
        }

        ImageDataset train = load(Map.of()).train();

        assertArrayEquals(new int[] {0, 1, 2}, train.labels());
        assertArrayEquals(expected, Arrays.copyOfRange(train.pixels(), 0, 192), "BMP");
        assertArrayEquals(expected, Arrays.copyOfRange(train.pixels(), 192, 384), "GIF");
        assertArrayEquals(expected, Arrays.copyOfRange(train.pixels(), 384, 576), "palette PNG");
    }

    @Test
    void jpegWithinTolerance() throws IOException {
        // JPEG is lossy; a uniform 8x8 block keeps its colour to within a few levels at ImageIO's default quality.
        int tolerance = 3;
        byte[] expected = TestImages.writeRgb(folder.resolve("train/a/x.jpg"), "jpg",
                TestImages.filled(8, 8, 0xC86432));
        TestImages.writeGrey(folder.resolve("test/a/x.jpeg"), "jpg", new int[8][8]);

        DatasetSplits splits = load(Map.of());

        byte[] pixels = splits.train().pixels();
        assertEquals(expected.length, pixels.length);
        for (int i = 0; i < pixels.length; i++) {
            int difference = Math.abs((pixels[i] & 0xFF) - (expected[i] & 0xFF));
            assertTrue(difference <= tolerance, "pixel " + i + " differs by " + difference);
        }
        for (byte value : splits.test().pixels()) {
            assertTrue((value & 0xFF) <= tolerance, "grey JPEG pixel " + (value & 0xFF) + ", expected about 0");
        }
    }

    @Test
    void resizeUpscalesBilinear() throws IOException {
        TestImages.writeGrey(folder.resolve("train/a/x.png"), "png", new int[][] {{0, 100}, {100, 200}});
        TestImages.writeGrey(folder.resolve("test/a/x.png"), "png", new int[][] {{0, 100}});

        DatasetSplits splits = load(Map.of("channels", 1, "size", List.of(4, 4), "resize", true));

        // The input is f(y, x) = 100 x + 100 y; output rows and columns sample it at 0, 0.25, 0.75 and 1.
        assertArrayEquals(bytes(0, 25, 75, 100, 25, 50, 100, 125, 75, 100, 150, 175, 100, 125, 175, 200),
                splits.train().pixels());
        assertArrayEquals(bytes(0, 25, 75, 100, 0, 25, 75, 100, 0, 25, 75, 100, 0, 25, 75, 100),
                splits.test().pixels());
    }

    @Test
    void resizeDownscalesToBlockMeans() throws IOException {
        int[][] grey = {{10, 20, 0, 0}, {30, 40, 0, 4}, {100, 100, 255, 255}, {100, 100, 255, 255}};
        TestImages.writeGrey(folder.resolve("train/a/x.png"), "png", new int[][] {{0, 0}, {0, 0}});
        TestImages.writeGrey(folder.resolve("train/a/y.png"), "png", grey);
        TestImages.writeGrey(folder.resolve("test/a/x.png"), "png", grey);

        DatasetSplits splits = load(Map.of("channels", 1, "resize", true));

        // Halving samples the centre of each 2x2 block, which is the mean of the block.
        assertEquals(2, splits.train().height());
        assertArrayEquals(bytes(0, 0, 0, 0, 25, 1, 100, 255), splits.train().pixels());
        assertArrayEquals(bytes(25, 1, 100, 255), splits.test().pixels());
    }

    @Test
    void resizeKeepsChannelsApart() throws IOException {
        TestImages.writeRgb(folder.resolve("train/a/x.png"), "png", TestImages.filled(2, 3, 0x102030));
        TestImages.writeRgb(folder.resolve("test/a/x.png"), "png", TestImages.filled(5, 7, 0x102030));

        ImageDataset test = load(Map.of("resize", true)).test();

        byte[] expected = new byte[3 * 2 * 3];
        Arrays.fill(expected, 0, 6, (byte) 0x10);
        Arrays.fill(expected, 6, 12, (byte) 0x20);
        Arrays.fill(expected, 12, 18, (byte) 0x30);
        assertArrayEquals(expected, test.pixels());
    }

    @Test
    void limitsKeepRoundRobinSlice() throws IOException {
        byte[] a0 = TestImages.writeRandomPng(folder.resolve("train/a/0.png"), 2, 2, 1);
        byte[] a1 = TestImages.writeRandomPng(folder.resolve("train/a/1.png"), 2, 2, 2);
        TestImages.writeRandomPng(folder.resolve("train/a/2.png"), 2, 2, 3);
        byte[] b0 = TestImages.writeRandomPng(folder.resolve("train/b/0.png"), 2, 2, 4);
        TestImages.writeRandomPng(folder.resolve("test/a/0.png"), 2, 2, 5);
        TestImages.writeRandomPng(folder.resolve("test/b/0.png"), 2, 2, 6);

        ImageDataset all = load(Map.of()).train();
        ImageDataset three = load(Map.of("limitTrain", 3)).train();
        DatasetSplits one = load(Map.of("limitTrain", 1, "limitTest", 1));

        assertArrayEquals(new int[] {0, 1, 0, 0}, all.labels());
        assertArrayEquals(new int[] {0, 1, 0}, three.labels());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(a0);
        expected.writeBytes(b0);
        expected.writeBytes(a1);
        assertArrayEquals(expected.toByteArray(), three.pixels());
        assertEquals(1, one.train().size());
        assertEquals(1, one.test().size());
        assertEquals(List.of("a", "b"), one.train().classNames());
    }

    @Test
    void customFoldersAndHiddenFiles() throws IOException {
        TestImages.writeRandomPng(folder.resolve("fit/x/0.png"), 2, 2, 1);
        TestImages.writeRandomPng(folder.resolve("holdout/x/0.png"), 2, 2, 2);
        Files.writeString(folder.resolve("fit/x/.DS_Store"), "not an image");
        Files.createDirectories(folder.resolve("fit/.cache"));
        Files.createDirectories(folder.resolve("fit/x/thumbnails"));

        DatasetSplits splits = load(Map.of("trainFolder", "fit", "testFolder", "holdout"));

        assertEquals(List.of("x"), splits.train().classNames());
        assertEquals(1, splits.train().size());
        assertEquals(folder + " (fit, holdout)", splits.source());
    }

    @Test
    void describeProgressAndCancellation() throws IOException {
        TestImages.writeRandomPng(folder.resolve("train/x/0.png"), 2, 2, 1);
        TestImages.writeRandomPng(folder.resolve("train/x/1.png"), 2, 2, 2);
        TestImages.writeRandomPng(folder.resolve("test/x/0.png"), 2, 2, 3);
        DatasetProvider provider = provider(Map.of("channels", 1));
        TestRunContext context = new TestRunContext(folder, 1);

        provider.load(context);
        TestRunContext cancelled = new TestRunContext(folder, 1);
        cancelled.cancel();

        assertEquals("image folders in " + folder + " (train, test; 1 channel)", provider.describe());
        String name = folder.getFileName().toString();
        assertEquals(List.of("Read " + name + "/train images (2 images)", "Read " + name + "/test images (1 images)"),
                context.progress().tasks().stream()
                        .map(task -> task.label() + " (" + task.total() + " " + task.unit() + ")").toList());
        assertEquals(3, context.progress().tasks().stream().mapToLong(RecordedTask::steps).sum());
        assertThrows(CancellationException.class, () -> provider.load(cancelled));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private DatasetSplits load(Map<String, Object> values) {
        return provider(values).load(new TestRunContext(folder, 1));
    }

    private DatasetProvider provider(Map<String, Object> values) {
        Map<String, Object> config = new HashMap<>(values);
        config.put("path", folder.toString());
        return new ImageFolderDatasetFactory(ComponentDefaults.of(ImageFolderConfiguration.class))
                .create(ConfigSection.of(config, "test.yaml"), null);
    }
}

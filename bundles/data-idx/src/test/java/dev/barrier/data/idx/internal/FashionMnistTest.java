package dev.barrier.data.idx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetSplits;
import dev.barrier.api.data.ImageDataset;
import dev.barrier.testing.ComponentDefaults;
import dev.barrier.testing.FashionMnist;
import dev.barrier.testing.TestRunContext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the installed Fashion-MNIST and checks published facts about it: 60000 training and 10000 test images
 * of 28x28 pixels, 6000 training and 1000 test images per class, and a first training image of class 9 (ankle
 * boot). The load time is printed beside the time of decompressing the same files, not asserted.
 */
class FashionMnistTest {

    @TempDir
    Path runFolder;

    @BeforeAll
    static void requireDataset() {
        Assumptions.assumeTrue(FashionMnist.available(), FashionMnist.MISSING);
    }

    @Test
    void fullDatasetShapesAndCounts() throws IOException {
        long start = System.nanoTime();
        DatasetSplits splits = create(Map.of()).load(new TestRunContext(runFolder, 1));
        long loadNanos = System.nanoTime() - start;

        ImageDataset train = splits.train();
        assertEquals(60000, train.size());
        assertEquals(1, train.channels());
        assertEquals(28, train.height());
        assertEquals(28, train.width());
        assertEquals(9, train.label(0));
        assertEquals("Ankle boot", train.classNames().get(train.label(0)));
        int[] perClass = new int[10];
        Arrays.fill(perClass, 6000);
        assertArrayEquals(perClass, train.classCounts());

        ImageDataset test = splits.test();
        assertEquals(10000, test.size());
        Arrays.fill(perClass, 1000);
        assertArrayEquals(perClass, test.classCounts());
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), test.classNames());

        // A second load in the same JVM, and the same four files only decompressed, for a side-by-side ratio.
        start = System.nanoTime();
        create(Map.of()).load(new TestRunContext(runFolder, 1));
        long warmLoadNanos = System.nanoTime() - start;
        start = System.nanoTime();
        long decompressed = 0;
        for (String name : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(
                    FashionMnist.FOLDER.resolve(name)), 1 << 16), 1 << 16)) {
                decompressed += in.transferTo(OutputStream.nullOutputStream());
            }
        }
        long decompressNanos = System.nanoTime() - start;
        System.out.printf("Fashion-MNIST: first load %.0f ms, second load %.0f ms, gunzip of the same %d bytes"
                + " %.0f ms; second load / gunzip = %.2f%n", loadNanos / 1e6, warmLoadNanos / 1e6, decompressed,
                decompressNanos / 1e6, (double) warmLoadNanos / decompressNanos);
    }

    @Test
    void limitedSlicesArePrefixes() {
        TestRunContext context = new TestRunContext(runFolder, 1);
        DatasetSplits slice = create(Map.of("limitTrain", 100, "limitTest", 50)).load(context);
        DatasetSplits longer = create(Map.of("limitTrain", 200, "limitTest", 60)).load(context);

        assertEquals(100, slice.train().size());
        assertEquals(50, slice.test().size());
        assertArrayEquals(Arrays.copyOf(longer.train().pixels(), 100 * 28 * 28), slice.train().pixels());
        assertArrayEquals(Arrays.copyOf(longer.test().labels(), 50), slice.test().labels());
        assertEquals(9, slice.train().label(0));
    }

    private static IdxDatasetProvider create(Map<String, Object> values) {
        return (IdxDatasetProvider) new IdxDatasetFactory(ComponentDefaults.of(IdxConfiguration.class))
                .create(ConfigSection.of(values, "test.yaml"), null);
    }
}

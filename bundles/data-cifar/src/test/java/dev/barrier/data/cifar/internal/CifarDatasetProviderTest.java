package dev.barrier.data.cifar.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barrier.api.config.ConfigSection;
import dev.barrier.api.data.DatasetProvider;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads small generated CIFAR files and checks pixels, labels, shapes and class names exactly. */
class CifarDatasetProviderTest {

    @TempDir
    Path folder;

    @Test
    void cifar10BatchesReadInOrder() throws IOException {
        CifarTestFiles train = new CifarTestFiles(1);
        int[] trainLabels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 8, 7, 6, 5};
        for (int batch = 1; batch <= 5; batch++) {
            train.writeCifar10(folder.resolve("data_batch_" + batch + ".bin"),
                    Arrays.copyOfRange(trainLabels, 3 * (batch - 1), 3 * batch));
        }
        CifarTestFiles test = new CifarTestFiles(2);
        test.writeCifar10(folder.resolve("test_batch.bin"), 4, 2);

        DatasetSplits splits = load(Map.of());

        ImageDataset trainSet = splits.train();
        assertEquals("cifar-10/train", trainSet.name());
        assertEquals(15, trainSet.size());
        assertEquals(3, trainSet.channels());
        assertEquals(32, trainSet.height());
        assertEquals(32, trainSet.width());
        assertArrayEquals(train.pixels(), trainSet.pixels());
        assertArrayEquals(trainLabels, trainSet.labels());
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
                "truck"), trainSet.classNames());

        ImageDataset testSet = splits.test();
        assertEquals("cifar-10/test", testSet.name());
        assertArrayEquals(test.pixels(), testSet.pixels());
        assertArrayEquals(new int[] {4, 2}, testSet.labels());
    }

    @Test
    void recordPlanesAreChannels() throws IOException {
        // A record whose red plane is 10, green 20 and blue 30, except red at row 1, column 2, which is 99.
        byte[] record = new byte[3073];
        record[0] = 7;
        Arrays.fill(record, 1, 1025, (byte) 10);
        Arrays.fill(record, 1025, 2049, (byte) 20);
        Arrays.fill(record, 2049, 3073, (byte) 30);
        record[1 + 32 + 2] = 99;
        for (String name : CifarVariant.CIFAR_10.dataFiles()) {
            Files.write(folder.resolve(name), record);
        }

        ImageDataset train = load(Map.of()).train();

        byte[] pixels = train.pixels();
        int image = 4;
        int base = image * 3072;
        assertEquals(99, pixels[base + 32 + 2]);
        assertEquals(10, pixels[base + 32 + 3]);
        assertEquals(20, pixels[base + 1024 + 32 + 2]);
        assertEquals(30, pixels[base + 2 * 1024 + 31 * 32 + 31]);
        assertEquals(7, train.label(image));
    }

    @Test
    void cifar10NamesFromMetaFile() throws IOException {
        writeCifar10Files();
        List<String> names = List.of("a0", "b1", "c2", "d3", "e4", "f5", "g6", "h7", "i8", "j 9");
        Files.writeString(folder.resolve("batches.meta.txt"), String.join("\n", names) + "\n\n");

        DatasetSplits splits = load(Map.of());

        assertEquals(names, splits.train().classNames());
        assertEquals(names, splits.test().classNames());
    }

    @Test
    void archiveSubFolderFound() throws IOException {
        Path archive = Files.createDirectory(folder.resolve("cifar-10-batches-bin"));
        CifarTestFiles files = new CifarTestFiles(3);
        for (String name : CifarVariant.CIFAR_10.dataFiles()) {
            files.writeCifar10(archive.resolve(name), 1);
        }

        DatasetProvider provider = provider(Map.of());
        DatasetSplits splits = provider.load(new TestRunContext(folder, 1));

        assertEquals(5, splits.train().size());
        assertEquals(archive + " (data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin,"
                + " data_batch_5.bin, test_batch.bin)", splits.source());
        assertEquals("CIFAR-10 binary files in " + folder, provider.describe());
    }

    @Test
    void limitsSpanBatches() throws IOException {
        CifarTestFiles train = new CifarTestFiles(4);
        for (int batch = 1; batch <= 5; batch++) {
            train.writeCifar10(folder.resolve("data_batch_" + batch + ".bin"), batch, batch, batch);
        }
        CifarTestFiles test = new CifarTestFiles(5);
        test.writeCifar10(folder.resolve("test_batch.bin"), 0, 1, 2);
        TestRunContext context = new TestRunContext(folder, 1);

        DatasetSplits splits = provider(Map.of("limitTrain", 4, "limitTest", 1)).load(context);

        assertArrayEquals(new int[] {1, 1, 1, 2}, splits.train().labels());
        assertArrayEquals(Arrays.copyOf(train.pixels(), 4 * 3072), splits.train().pixels());
        assertArrayEquals(new int[] {0}, splits.test().labels());
        assertArrayEquals(Arrays.copyOf(test.pixels(), 3072), splits.test().pixels());
        assertEquals(List.of("Using the first 4 of 15 training images (limit 4)",
                "Using the first 1 of 3 test images (limit 1)"), context.log().infos());
    }

    @Test
    void cifar100FineLabels() throws IOException {
        CifarTestFiles train = new CifarTestFiles(6);
        train.writeCifar100(folder.resolve("train.bin"), new int[] {19, 0, 5}, new int[] {99, 0, 42});
        CifarTestFiles test = new CifarTestFiles(7);
        test.writeCifar100(folder.resolve("test.bin"), new int[] {3}, new int[] {17});

        DatasetSplits splits = load(Map.of("variant", "cifar-100"));

        assertEquals("cifar-100/train", splits.train().name());
        assertArrayEquals(new int[] {99, 0, 42}, splits.train().labels());
        assertArrayEquals(train.pixels(), splits.train().pixels());
        assertArrayEquals(new int[] {17}, splits.test().labels());
        assertArrayEquals(test.pixels(), splits.test().pixels());
        assertEquals(100, splits.train().numClasses());
        assertEquals("0", splits.train().classNames().get(0));
        assertEquals("99", splits.train().classNames().get(99));
    }

    @Test
    void cifar100CoarseLabels() throws IOException {
        new CifarTestFiles(8).writeCifar100(folder.resolve("train.bin"), new int[] {19, 0, 5}, new int[] {99, 0, 42});
        new CifarTestFiles(9).writeCifar100(folder.resolve("test.bin"), new int[] {3}, new int[] {17});

        DatasetProvider provider = provider(Map.of("variant", "cifar-100", "labels", "coarse"));
        DatasetSplits splits = provider.load(new TestRunContext(folder, 1));

        assertEquals("cifar-100-coarse/train", splits.train().name());
        assertArrayEquals(new int[] {19, 0, 5}, splits.train().labels());
        assertArrayEquals(new int[] {3}, splits.test().labels());
        assertEquals(20, splits.train().numClasses());
        assertEquals("CIFAR-100 binary files in " + folder + ", coarse labels", provider.describe());
    }

    @Test
    void cifar100NamesFromFiles() throws IOException {
        new CifarTestFiles(10).writeCifar100(folder.resolve("train.bin"), new int[] {1}, new int[] {2});
        new CifarTestFiles(11).writeCifar100(folder.resolve("test.bin"), new int[] {1}, new int[] {2});
        StringBuilder fine = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            fine.append("fine").append(i).append('\n');
        }
        StringBuilder coarse = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            coarse.append("coarse").append(i).append('\n');
        }
        Files.writeString(folder.resolve("fine_label_names.txt"), fine);
        Files.writeString(folder.resolve("coarse_label_names.txt"), coarse);

        List<String> fineNames = load(Map.of("variant", "cifar-100")).train().classNames();
        List<String> coarseNames = load(Map.of("variant", "cifar-100", "labels", "coarse")).train().classNames();

        assertEquals(100, fineNames.size());
        assertEquals("fine2", fineNames.get(2));
        assertEquals(20, coarseNames.size());
        assertEquals("coarse19", coarseNames.get(19));
    }

    private void writeCifar10Files() throws IOException {
        CifarTestFiles files = new CifarTestFiles(12);
        for (String name : CifarVariant.CIFAR_10.dataFiles()) {
            files.writeCifar10(folder.resolve(name), 0, 9);
        }
    }

    private DatasetSplits load(Map<String, Object> values) {
        return provider(values).load(new TestRunContext(folder, 1));
    }

    private DatasetProvider provider(Map<String, Object> values) {
        Map<String, Object> config = new HashMap<>(values);
        config.put("path", folder.toString());
        return new CifarDatasetFactory(ComponentDefaults.of(CifarConfiguration.class))
                .create(ConfigSection.of(config, "test.yaml"), null);
    }
}

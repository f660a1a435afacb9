package dev.barrier.data.cifar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each malformed input gives a DatasetException that names the file and the expected and found values. */
class CifarErrorsTest {

    @TempDir
    Path folder;

    @Test
    void missingFolder() {
        Path absent = folder.resolve("absent");

        DatasetException e = assertThrows(DatasetException.class, () -> load(absent, Map.of()));

        assertEquals(absent, e.file());
        assertEquals(absent + ": folder not found", e.getMessage());
    }

    @Test
    void missingFilesListed() throws IOException {
        CifarTestFiles files = new CifarTestFiles(1);
        files.writeCifar10(folder.resolve("data_batch_1.bin"), 0);
        files.writeCifar10(folder.resolve("data_batch_2.bin"), 0);
        files.writeCifar10(folder.resolve("data_batch_4.bin"), 0);

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(folder + ": missing CIFAR-10 files: data_batch_3.bin, data_batch_5.bin, test_batch.bin;"
                + " expected data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin,"
                + " data_batch_5.bin, test_batch.bin from the binary version", e.getMessage());
    }

    @Test
    void missingCifar100Files() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> load(folder, Map.of("variant", "cifar-100")));

        assertEquals(folder + ": missing CIFAR-100 files: train.bin, test.bin; expected train.bin, test.bin from"
                + " the binary version", e.getMessage());
    }

    @Test
    void sizeNotMultipleOfRecord() throws IOException {
        writeCifar10Files();
        Path batch = folder.resolve("data_batch_3.bin");
        Files.write(batch, Arrays.copyOf(Files.readAllBytes(batch), 3073 + 100));

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(batch, e.file());
        assertEquals(batch + ": file size 3173 bytes is not a multiple of the 3073-byte CIFAR-10 record (1 label"
                + " byte and 3072 pixel bytes); the file is truncated or not a CIFAR-10 binary file", e.getMessage());
    }

    @Test
    void cifar10FilesReadAsCifar100() throws IOException {
        new CifarTestFiles(2).writeCifar10(folder.resolve("train.bin"), 1, 2);
        new CifarTestFiles(3).writeCifar10(folder.resolve("test.bin"), 1);

        DatasetException e = assertThrows(DatasetException.class,
                () -> load(folder, Map.of("variant", "cifar-100")));

        assertEquals(folder.resolve("train.bin") + ": file size 6146 bytes is not a multiple of the 3074-byte"
                + " CIFAR-100 record (2 label bytes and 3072 pixel bytes); the file is truncated or not a CIFAR-100"
                + " binary file", e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        writeCifar10Files();
        Path test = folder.resolve("test_batch.bin");
        Files.write(test, new byte[0]);

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(test + ": the file is empty; expected CIFAR-10 records of 3073 bytes", e.getMessage());
    }

    @Test
    void cifar10LabelOutOfRange() throws IOException {
        writeCifar10Files();
        Path batch = folder.resolve("data_batch_2.bin");
        new CifarTestFiles(4).writeCifar10(batch, 3, 10);

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(batch + ": record 1 has label 10; expected 0 to 9", e.getMessage());
    }

    @Test
    void cifar100CoarseLabelOutOfRange() throws IOException {
        Path train = folder.resolve("train.bin");
        new CifarTestFiles(5).writeCifar100(train, new int[] {1, 20}, new int[] {1, 2});
        new CifarTestFiles(6).writeCifar100(folder.resolve("test.bin"), new int[] {1}, new int[] {1});

        DatasetException e = assertThrows(DatasetException.class,
                () -> load(folder, Map.of("variant", "cifar-100")));

        assertEquals(train + ": record 1 has coarse label 20; expected 0 to 19", e.getMessage());
    }

    @Test
    void cifar100FineLabelOutOfRange() throws IOException {
        Path test = folder.resolve("test.bin");
        new CifarTestFiles(7).writeCifar100(folder.resolve("train.bin"), new int[] {1}, new int[] {1});
        new CifarTestFiles(8).writeCifar100(test, new int[] {1}, new int[] {255});

        DatasetException e = assertThrows(DatasetException.class,
                () -> load(folder, Map.of("variant", "cifar-100", "labels", "coarse")));

        assertEquals(test + ": record 0 has fine label 255; expected 0 to 99", e.getMessage());
    }

    @Test
    void wrongNumberOfClassNames() throws IOException {
        writeCifar10Files();
        Path meta = folder.resolve("batches.meta.txt");
        Files.writeString(meta, "airplane\nautomobile\nbird\n");

        DatasetException e = assertThrows(DatasetException.class, () -> load(folder, Map.of()));

        assertEquals(meta + ": expected 10 class names, one per line, found 3", e.getMessage());
    }

    private void writeCifar10Files() throws IOException {
        CifarTestFiles files = new CifarTestFiles(9);
        for (String name : CifarVariant.CIFAR_10.dataFiles()) {
            files.writeCifar10(folder.resolve(name), 5);
        }
    }

    private static DatasetSplits load(Path path, Map<String, Object> values) {
        Map<String, Object> config = new HashMap<>(values);
        config.put("path", path.toString());
        return new CifarDatasetFactory(ComponentDefaults.of(CifarConfiguration.class))
                .create(ConfigSection.of(config, "test.yaml"), null).load(new TestRunContext(path, 1));
    }
}

package dev.barrier.data.cifar.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The two CIFAR datasets and the layout of their binary versions. A record is the label bytes followed by
 * 3072 pixel bytes: 1024 red, 1024 green, then 1024 blue, each plane a 32x32 image in row-major order, which
 * is already (C, H, W).
 */
enum CifarVariant {

    /** CIFAR-10: records of one label byte; five training batches and one test batch. */
    CIFAR_10("CIFAR-10", "cifar-10-batches-bin", 1,
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                    "data_batch_5.bin"),
            List.of("test_batch.bin")),

    /** CIFAR-100: records of a coarse and a fine label byte, in that order; one training and one test file. */
    CIFAR_100("CIFAR-100", "cifar-100-binary", 2, List.of("train.bin"), List.of("test.bin"));

    /** The channels of every image: red, green and blue. */
    static final int CHANNELS = 3;
    /** The height and the width of every image. */
    static final int SIZE = 32;
    /** The pixel bytes of one record. */
    static final int PIXEL_BYTES = CHANNELS * SIZE * SIZE;

    /** The standard names of the CIFAR-10 classes, in label order. */
    static final List<String> CIFAR_10_CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private final String title;
    private final String archiveFolder;
    private final int labelBytes;
    private final List<String> trainFiles;
    private final List<String> testFiles;

    CifarVariant(String title, String archiveFolder, int labelBytes, List<String> trainFiles,
            List<String> testFiles) {
        this.title = title;
        this.archiveFolder = archiveFolder;
        this.labelBytes = labelBytes;
        this.trainFiles = trainFiles;
        this.testFiles = testFiles;
    }

    /** Returns the dataset's usual name, such as {@code CIFAR-10}. */
    String title() {
        return title;
    }

    /** Returns the name of the folder the binary archive extracts to. */
    String archiveFolder() {
        return archiveFolder;
    }

    /** Returns the number of label bytes at the start of each record. */
    int labelBytes() {
        return labelBytes;
    }

    /** Returns the bytes per record: the labels and the pixels. */
    int recordBytes() {
        return labelBytes + PIXEL_BYTES;
    }

    /** Returns the training files, in reading order. */
    List<String> trainFiles() {
        return trainFiles;
    }

    /** Returns the test files, in reading order. */
    List<String> testFiles() {
        return testFiles;
    }

    /** Returns the training files followed by the test files. */
    List<String> dataFiles() {
        List<String> all = new ArrayList<>(trainFiles);
        all.addAll(testFiles);
        return all;
    }
}

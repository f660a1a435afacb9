package dev.barrier.eval.diffusion.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.barrier.api.data.ImageDataset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the first images of Fashion-MNIST from the gzipped IDX files that the Debian package
 * {@code dataset-fashion-mnist} installs. Tests that call it are skipped, with the reason, when the files are
 * missing.
 */
final class FashionMnist {

    /** Where the data set is installed. */
    static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** Returns the first {@code count} training images (all 60,000 if count is larger). */
    static ImageDataset train(int count) {
        return read("train", count);
    }

    /** Returns the first {@code count} test images (all 10,000 if count is larger). */
    static ImageDataset test(int count) {
        return read("t10k", count);
    }

    private static ImageDataset read(String prefix, int count) {
        Path images = FOLDER.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labels = FOLDER.resolve(prefix + "-labels-idx1-ubyte.gz");
        assumeTrue(Files.isRegularFile(images) && Files.isRegularFile(labels),
                "Fashion-MNIST is not installed in " + FOLDER + " (apt-get install dataset-fashion-mnist)");
        try (DataInputStream imageData = open(images); DataInputStream labelData = open(labels)) {
            check(imageData.readInt(), IMAGES_MAGIC, images);
            int available = imageData.readInt();
            int rows = imageData.readInt();
            int cols = imageData.readInt();
            check(labelData.readInt(), LABELS_MAGIC, labels);
            labelData.readInt();
            int n = Math.min(count, available);
            byte[] pixels = new byte[n * rows * cols];
            imageData.readFully(pixels);
            int[] classes = new int[n];
            for (int i = 0; i < n; i++) {
                classes[i] = labelData.readUnsignedByte();
            }
            return new ImageDataset("fashion-mnist/" + prefix + "[0:" + n + "]", pixels, classes, 1, rows, cols,
                    CLASSES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Fashion-MNIST from " + FOLDER, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16)));
    }

    private static void check(int magic, int expected, Path file) throws IOException {
        if (magic != expected) {
            throw new IOException(file + ": expected IDX magic " + Integer.toHexString(expected) + ", got "
                    + Integer.toHexString(magic));
        }
    }
}

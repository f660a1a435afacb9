package dev.barrier.testing;

import dev.barrier.api.data.ImageDataset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the first images of Fashion-MNIST from Debian's package {@code dataset-fashion-mnist}, for tests that
 * need small slices of real data. Tests call {@link #available()} first and skip, saying why, when it is false.
 */
public final class FashionMnist {

    /** Where the Debian package installs the files. */
    public static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    /** Why a test skips when the data is missing. */
    public static final String MISSING = "Fashion-MNIST is not installed in " + FOLDER
            + " (Debian package dataset-fashion-mnist)";

    /** The class names, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** Returns whether the files are installed. */
    public static boolean available() {
        return Files.isReadable(FOLDER.resolve("train-images-idx3-ubyte.gz"));
    }

    /** Returns the first {@code count} training images. */
    public static ImageDataset train(int count) throws IOException {
        return read("train", count);
    }

    /** Returns the first {@code count} test images. */
    public static ImageDataset test(int count) throws IOException {
        return read("t10k", count);
    }

    private static ImageDataset read(String prefix, int count) throws IOException {
        byte[] pixels;
        try (DataInputStream in = open(prefix + "-images-idx3-ubyte.gz")) {
            check(in.readInt(), 0x803, prefix);
            int available = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            pixels = new byte[Math.min(count, available) * rows * columns];
            in.readFully(pixels);
        }
        int[] labels;
        try (DataInputStream in = open(prefix + "-labels-idx1-ubyte.gz")) {
            check(in.readInt(), 0x801, prefix);
            labels = new int[Math.min(count, in.readInt())];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readUnsignedByte();
            }
        }
        return new ImageDataset("fashion-mnist/" + prefix, pixels, labels, 1, 28, 28, CLASSES);
    }

    private static DataInputStream open(String name) throws IOException {
        InputStream file = Files.newInputStream(FOLDER.resolve(name));
        return new DataInputStream(new BufferedInputStream(new GZIPInputStream(file, 1 << 16)));
    }

    private static void check(int magic, int expected, String prefix) throws IOException {
        if (magic != expected) {
            throw new IOException(prefix + ": expected IDX magic 0x" + Integer.toHexString(expected) + ", got 0x"
                    + Integer.toHexString(magic));
        }
    }
}

package dev.barrier.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.barrier.api.data.ImageDataset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the first images of Fashion-MNIST from Debian's package {@code dataset-fashion-mnist}, for tests that
 * need small slices of real data. When the files are missing, {@link #train} and {@link #test} skip the calling
 * test (a JUnit assumption) with {@link #MISSING} as the reason. {@link #available()} returns whether they are
 * installed.
 */
public final class FashionMnist {

    /** The folder the Debian package installs the files into. */
    public static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    /** The reason a test gives when it skips because the data is missing. */
    public static final String MISSING = "Fashion-MNIST is not installed in " + FOLDER
            + " (Debian package dataset-fashion-mnist)";

    /** The class names, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    private FashionMnist() {
    }

    /** Returns whether all four files are installed and readable. */
    public static boolean available() {
        return FILES.stream().allMatch(name -> Files.isReadable(FOLDER.resolve(name)));
    }

    /**
     * Returns the first {@code count} training images, or all 60,000 when {@code count} is larger.
     *
     * @throws org.opentest4j.TestAbortedException when the files are missing, which skips the calling test
     * @throws UncheckedIOException when a file cannot be read or is not an IDX file of the expected kind
     */
    public static ImageDataset train(int count) {
        return read("train", count);
    }

    /**
     * Returns the first {@code count} test images, or all 10,000 when {@code count} is larger.
     *
     * @throws org.opentest4j.TestAbortedException when the files are missing, which skips the calling test
     * @throws UncheckedIOException when a file cannot be read or is not an IDX file of the expected kind
     */
    public static ImageDataset test(int count) {
        return read("t10k", count);
    }

    private static ImageDataset read(String prefix, int count) {
        assumeTrue(available(), MISSING);
        try {
            byte[] pixels;
            int rows;
            int columns;
            try (DataInputStream in = open(prefix + "-images-idx3-ubyte.gz")) {
                check(in.readInt(), 0x803, prefix);
                int available = in.readInt();
                rows = in.readInt();
                columns = in.readInt();
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
            return new ImageDataset("fashion-mnist/" + prefix, pixels, labels, 1, rows, columns, CLASSES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Fashion-MNIST from " + FOLDER, e);
        }
    }

    private static DataInputStream open(String name) throws IOException {
        InputStream file = Files.newInputStream(FOLDER.resolve(name));
        try {
            return new DataInputStream(new BufferedInputStream(new GZIPInputStream(file, 1 << 16)));
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    private static void check(int magic, int expected, String prefix) throws IOException {
        if (magic != expected) {
            throw new IOException(prefix + ": expected IDX magic 0x" + Integer.toHexString(expected) + ", got 0x"
                    + Integer.toHexString(magic));
        }
    }
}

package dev.barrier.data.cifar.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes binary CIFAR files with pseudo-random pixels for tests, and keeps what it wrote. */
final class CifarTestFiles {

    private final Random random;
    private final ByteArrayOutputStream pixels = new ByteArrayOutputStream();

    /** Creates a writer whose pixels come from {@code seed}. */
    CifarTestFiles(long seed) {
        this.random = new Random(seed);
    }

    /** Returns the pixels of every record written so far, in order: the expected (N, 3, 32, 32) array. */
    byte[] pixels() {
        return pixels.toByteArray();
    }

    /** Writes a CIFAR-10 file: one record per label, each the label byte and 3072 random pixel bytes. */
    void writeCifar10(Path file, int... labels) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int label : labels) {
            out.write(label);
            out.writeBytes(nextPixels());
        }
        Files.write(file, out.toByteArray());
    }

    /** Writes a CIFAR-100 file: for each record, the coarse label, the fine label and 3072 random pixel bytes. */
    void writeCifar100(Path file, int[] coarse, int[] fine) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fine.length; i++) {
            out.write(coarse[i]);
            out.write(fine[i]);
            out.writeBytes(nextPixels());
        }
        Files.write(file, out.toByteArray());
    }

    private byte[] nextPixels() {
        byte[] image = new byte[3072];
        random.nextBytes(image);
        pixels.writeBytes(image);
        return image;
    }
}

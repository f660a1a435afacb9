package dev.barrier.data.idx.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Builds IDX file contents for tests. */
final class IdxTestFiles {

    private IdxTestFiles() {
    }

    /** Returns an IDX images file: magic 0x00000803, count, rows, columns, then the pixels. */
    static byte[] images(int count, int rows, int columns, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows)
                .putInt(columns).put(pixels).array();
    }

    /** Returns an IDX labels file: magic 0x00000801, count, then one byte per label. */
    static byte[] labels(int[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length).putInt(IdxReader.LABELS_MAGIC)
                .putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    /** Returns {@code data} compressed with gzip. */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Returns {@code length} pseudo-random bytes from {@code seed}. */
    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Returns {@code count} pseudo-random labels from 0 to {@code classes - 1}. */
    static int[] randomLabels(int count, int classes, long seed) {
        Random random = new Random(seed);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(classes);
        }
        return labels;
    }
}

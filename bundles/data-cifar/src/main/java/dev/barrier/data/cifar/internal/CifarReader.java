package dev.barrier.data.cifar.internal;

import dev.barrier.api.data.DatasetException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads records of the binary CIFAR files. Each file's size must be a whole number of records; the file sizes
 * are checked before any pixel is read.
 */
final class CifarReader {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int CIFAR_10_CLASSES = 10;
    private static final int COARSE_CLASSES = 20;
    private static final int FINE_CLASSES = 100;

    private CifarReader() {
    }

    /**
     * Images and labels read from one set of files.
     *
     * @param pixels     the images, (N, 3, 32, 32)
     * @param labels     the class of each image
     * @param totalCount the number of records in the files, at least {@code labels.length}
     */
    record Part(byte[] pixels, int[] labels, int totalCount) {
    }

    /**
     * Reads the first {@code limit} records of {@code files}, taken in order, or all of them when {@code limit}
     * is 0.
     *
     * @throws DatasetException if a file cannot be read, is empty, is not a whole number of records, or has a
     *         label out of range
     */
    static Part read(List<Path> files, CifarVariant variant, CifarLabels labelChoice, int limit) {
        int recordBytes = variant.recordBytes();
        long[] recordsPerFile = new long[files.size()];
        long totalCount = 0;
        for (int f = 0; f < files.size(); f++) {
            recordsPerFile[f] = countRecords(files.get(f), variant);
            totalCount += recordsPerFile[f];
        }

        long count = limit > 0 ? Math.min(limit, totalCount) : totalCount;
        if (count * CifarVariant.PIXEL_BYTES > Integer.MAX_VALUE - 8) {
            throw new DatasetException(files.get(0), count + " records need " + count * CifarVariant.PIXEL_BYTES
                    + " bytes of pixels, more than one Java array holds; set a limit");
        }
        byte[] pixels = new byte[(int) count * CifarVariant.PIXEL_BYTES];
        int[] labels = new int[(int) count];
        byte[] record = new byte[recordBytes];
        int image = 0;
        for (int f = 0; f < files.size() && image < count; f++) {
            Path file = files.get(f);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                    BUFFER_BYTES))) {
                for (int r = 0; r < recordsPerFile[f] && image < count; r++, image++) {
                    in.readFully(record);
                    labels[image] = label(file, r, record, variant, labelChoice);
                    System.arraycopy(record, variant.labelBytes(), pixels, image * CifarVariant.PIXEL_BYTES,
                            CifarVariant.PIXEL_BYTES);
                }
            } catch (EOFException e) {
                throw new DatasetException(file, "truncated file: it became shorter while being read, expected "
                        + recordsPerFile[f] * recordBytes + " bytes", e);
            } catch (IOException e) {
                throw new DatasetException(file, "failed to read the file: " + e, e);
            }
        }
        return new Part(pixels, labels, (int) totalCount);
    }

    private static long countRecords(Path file, CifarVariant variant) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException(file, "failed to read the file size: " + e, e);
        }
        int recordBytes = variant.recordBytes();
        if (size == 0) {
            throw new DatasetException(file, "the file is empty; expected " + variant.title() + " records of "
                    + recordBytes + " bytes");
        }
        if (size % recordBytes != 0) {
            throw new DatasetException(file, "file size " + size + " bytes is not a multiple of the " + recordBytes
                    + "-byte " + variant.title() + " record (" + variant.labelBytes() + " label "
                    + (variant.labelBytes() == 1 ? "byte" : "bytes") + " and " + CifarVariant.PIXEL_BYTES
                    + " pixel bytes); the file is truncated or not a " + variant.title() + " binary file");
        }
        return size / recordBytes;
    }

    private static int label(Path file, int recordIndex, byte[] record, CifarVariant variant,
            CifarLabels labelChoice) {
        if (variant == CifarVariant.CIFAR_10) {
            return checkLabel(file, recordIndex, "label", record[0] & 0xFF, CIFAR_10_CLASSES);
        }
        int coarse = checkLabel(file, recordIndex, "coarse label", record[0] & 0xFF, COARSE_CLASSES);
        int fine = checkLabel(file, recordIndex, "fine label", record[1] & 0xFF, FINE_CLASSES);
        return labelChoice == CifarLabels.COARSE ? coarse : fine;
    }

    private static int checkLabel(Path file, int recordIndex, String kind, int label, int classes) {
        if (label >= classes) {
            throw new DatasetException(file, "record " + recordIndex + " has " + kind + " " + label + "; expected 0 to "
                    + (classes - 1));
        }
        return label;
    }
}

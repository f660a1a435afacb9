package dev.barrier.data.idx.internal;

import dev.barrier.api.data.DatasetException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX image and label files, plain or gzipped. Gzip is recognised by its magic bytes {@code 1f 8b},
 * whatever the file is called.
 *
 * <p>The format is big-endian. An images file starts with the magic number {@code 0x00000803}, the image
 * count, the rows and the columns, followed by {@code count * rows * cols} unsigned bytes in row-major order.
 * A labels file starts with {@code 0x00000801} and the count, followed by one unsigned byte per label.
 *
 * <p>Every failure is a {@link DatasetException} that names the file and what was expected and found.
 */
final class IdxReader {

    /** The magic number of an IDX file of unsigned bytes with three dimensions (images). */
    static final int IMAGES_MAGIC = 0x00000803;
    /** The magic number of an IDX file of unsigned bytes with one dimension (labels). */
    static final int LABELS_MAGIC = 0x00000801;

    private static final int IMAGES_HEADER_BYTES = 16;
    private static final int LABELS_HEADER_BYTES = 8;
    private static final int BUFFER_BYTES = 1 << 16;
    /** The largest array length allocated; the JDK uses the same soft limit (Integer.MAX_VALUE - 8) for its arrays. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /**
     * The images of an IDX file.
     *
     * @param file       the file read
     * @param totalCount the image count in the file's header
     * @param rows       the image height
     * @param columns    the image width
     * @param pixels     the first {@code pixels.length / (rows * columns)} images, row-major
     * @param extraBytes bytes found after the last image (always 0 when only some images were read)
     */
    record Images(Path file, int totalCount, int rows, int columns, byte[] pixels, long extraBytes) {

        /** Returns the number of images read. */
        int count() {
            return pixels.length / (rows * columns);
        }
    }

    /**
     * The labels of an IDX file.
     *
     * @param file       the file read
     * @param totalCount the label count in the file's header
     * @param labels     the first labels, each from 0 to 255
     * @param extraBytes bytes found after the last label (always 0 when only some labels were read)
     */
    record Labels(Path file, int totalCount, int[] labels, long extraBytes) {
    }

    /**
     * Reads the first {@code limit} images of {@code file}, or all of them when {@code limit} is 0. Reading all
     * images also reads to the end of the file, which makes the gzip decoder verify its checksum.
     *
     * @throws DatasetException if the file cannot be read, is not an IDX images file, or is truncated
     */
    static Images readImages(Path file, int limit) {
        try (Input input = Input.open(file)) {
            ByteBuffer header = input.readHeader(IMAGES_HEADER_BYTES, IMAGES_MAGIC);
            int totalCount = header.getInt(4);
            int rows = header.getInt(8);
            int columns = header.getInt(12);
            if (totalCount < 0 || rows <= 0 || columns <= 0) {
                throw new DatasetException(file, "invalid IDX images header: expected a count of at least 0 and"
                        + " positive rows and columns, found count " + totalCount + ", rows " + rows + ", columns "
                        + columns);
            }

            int count = limit > 0 ? Math.min(limit, totalCount) : totalCount;
            long pixelBytes = (long) count * rows * columns;
            if (pixelBytes > MAX_ARRAY_LENGTH) {
                throw new DatasetException(file, count + " images of " + rows + "x" + columns + " need "
                        + pixelBytes + " bytes, more than one Java array holds (" + MAX_ARRAY_LENGTH
                        + "); set a limit");
            }
            byte[] pixels = new byte[(int) pixelBytes];
            input.readFully(pixels, "bytes of pixels for " + count + " images of " + rows + "x" + columns);

            long extraBytes = count == totalCount ? input.skipToEnd() : 0;
            return new Images(file, totalCount, rows, columns, pixels, extraBytes);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    /**
     * Reads the first {@code limit} labels of {@code file}, or all of them when {@code limit} is 0.
     *
     * @throws DatasetException if the file cannot be read, is not an IDX labels file, or is truncated
     */
    static Labels readLabels(Path file, int limit) {
        try (Input input = Input.open(file)) {
            ByteBuffer header = input.readHeader(LABELS_HEADER_BYTES, LABELS_MAGIC);
            int totalCount = header.getInt(4);
            if (totalCount < 0) {
                throw new DatasetException(file, "invalid IDX labels header: expected a count of at least 0, found "
                        + totalCount);
            }

            int count = limit > 0 ? Math.min(limit, totalCount) : totalCount;
            byte[] raw = new byte[count];
            input.readFully(raw, "bytes of labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xFF;
            }

            long extraBytes = count == totalCount ? input.skipToEnd() : 0;
            return new Labels(file, totalCount, labels, extraBytes);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    private static DatasetException readFailure(Path file, IOException e) {
        if (e instanceof ZipException) {
            return new DatasetException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
        return new DatasetException(file, "failed to read the file: " + e, e);
    }

    /** Returns a description of an IDX magic number for messages, such as {@code 0x00000801 (IDX labels)}. */
    static String describeMagic(int magic) {
        String hex = String.format("0x%08x", magic);
        if (magic == IMAGES_MAGIC) {
            return hex + " (IDX images)";
        }
        if (magic == LABELS_MAGIC) {
            return hex + " (IDX labels)";
        }
        return hex;
    }

    /** An open IDX file, decompressed when it is gzipped. */
    private static final class Input implements AutoCloseable {

        private final Path file;
        private final InputStream stream;
        private final boolean gzip;

        private Input(Path file, InputStream stream, boolean gzip) {
            this.file = file;
            this.stream = stream;
            this.gzip = gzip;
        }

        static Input open(Path file) throws IOException {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
            try {
                raw.mark(2);
                int first = raw.read();
                int second = raw.read();
                raw.reset();
                if (first == 0x1f && second == 0x8b) {
                    return new Input(file, new GZIPInputStream(raw, BUFFER_BYTES), true);
                }
                return new Input(file, raw, false);
            } catch (EOFException e) {
                raw.close();
                throw new DatasetException(file, "corrupt gzip data: the gzip header is incomplete", e);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        /** Reads the header and checks its magic number; the buffer is big-endian. */
        ByteBuffer readHeader(int length, int expectedMagic) throws IOException {
            byte[] header = new byte[length];
            int found = readUpTo(header);
            if (found >= 4) {
                int magic = ByteBuffer.wrap(header).getInt(0);
                if (magic != expectedMagic) {
                    throw new DatasetException(file, "wrong magic number: expected " + describeMagic(expectedMagic)
                            + ", found " + describeMagic(magic));
                }
            }
            if (found < length) {
                throw new DatasetException(file, "truncated file: expected a " + length + "-byte IDX header, found "
                        + found + " bytes" + (gzip ? " after decompression" : ""));
            }
            return ByteBuffer.wrap(header);
        }

        /** Fills {@code target}; {@code contents} describes it in the message about a short file. */
        void readFully(byte[] target, String contents) throws IOException {
            int found = readUpTo(target);
            if (found < target.length) {
                throw new DatasetException(file, "truncated file: expected " + target.length + " " + contents
                        + ", found " + found + (gzip ? " after decompression" : ""));
            }
        }

        /** Reads the rest of the stream and returns its length; for gzip this also verifies the checksum. */
        long skipToEnd() throws IOException {
            return stream.transferTo(OutputStream.nullOutputStream());
        }

        /** Reads until {@code target} is full or the data ends; returns the number of bytes read. */
        private int readUpTo(byte[] target) throws IOException {
            int offset = 0;
            try {
                while (offset < target.length) {
                    int read = stream.read(target, offset, target.length - offset);
                    if (read < 0) {
                        break;
                    }
                    offset += read;
                }
            } catch (EOFException e) {
                // GZIPInputStream throws this when the compressed data stops before the end of the gzip member.
                if (!gzip) {
                    throw e;
                }
                throw new DatasetException(file, "corrupt gzip data: the compressed stream ends after " + offset
                        + " of " + target.length + " expected bytes; the file is truncated", e);
            }
            return offset;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}

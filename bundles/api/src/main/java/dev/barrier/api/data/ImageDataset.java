package dev.barrier.api.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Labelled images in memory: unsigned 8-bit pixels in (N, C, H, W) order and one class index per image.
 *
 * <p>The arrays are shared, not copied, for speed; callers must not modify them.
 */
public final class ImageDataset {

    private final String name;
    private final byte[] pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;
    private volatile String fingerprint;

    /**
     * Creates a dataset.
     *
     * @param name       a short name, such as {@code fashion-mnist/train}
     * @param pixels     {@code labels.length * channels * height * width} bytes
     * @param labels     the class index of each image, each in {@code [0, classNames.size())}
     * @param channels   channels per image
     * @param height     image height in pixels
     * @param width      image width in pixels
     * @param classNames the class names; their count is the number of classes
     * @throws IllegalArgumentException if the sizes do not match or a label is out of range
     */
    public ImageDataset(String name, byte[] pixels, int[] labels, int channels, int height, int width,
            List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(name + ": image shape must be positive, got " + channels + "x"
                    + height + "x" + width);
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(name + ": expected " + expected + " pixel bytes for "
                    + labels.length + " images of " + channels + "x" + height + "x" + width + ", got "
                    + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i
                        + " is outside [0, " + classNames.size() + ")");
            }
        }
        this.pixels = pixels;
        this.labels = labels;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = List.copyOf(classNames);
    }

    /** Returns the dataset's name. */
    public String name() {
        return name;
    }

    /** Returns the number of images. */
    public int size() {
        return labels.length;
    }

    /** Returns the pixel bytes of all images, (N, C, H, W); do not modify. */
    public byte[] pixels() {
        return pixels;
    }

    /** Returns the labels; do not modify. */
    public int[] labels() {
        return labels;
    }

    /** Returns the label of image {@code index}. */
    public int label(int index) {
        return labels[index];
    }

    /** Returns the number of channels per image. */
    public int channels() {
        return channels;
    }

    /** Returns the image height. */
    public int height() {
        return height;
    }

    /** Returns the image width. */
    public int width() {
        return width;
    }

    /** Returns the number of bytes per image. */
    public int imageBytes() {
        return channels * height * width;
    }

    /** Returns the class names. */
    public List<String> classNames() {
        return classNames;
    }

    /** Returns the number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** Returns the number of images of each class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Returns a SHA-256 hex digest of the shape, labels and pixels, used to key caches: two datasets with
     * the same fingerprint hold the same data.
     */
    public String fingerprint() {
        String result = fingerprint;
        if (result == null) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(ByteBuffer.allocate(16).putInt(labels.length).putInt(channels).putInt(height)
                        .putInt(width).array());
                for (String className : classNames) {
                    digest.update(className.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
                ByteBuffer labelBytes = ByteBuffer.allocate(labels.length * 4);
                labelBytes.asIntBuffer().put(labels);
                digest.update(labelBytes.array());
                digest.update(pixels);
                result = HexFormat.of().formatHex(digest.digest());
                fingerprint = result;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images, " + channels + "x" + height + "x" + width + ", "
                + numClasses() + " classes)";
    }
}

package dev.barrier.data.imagefolder.internal;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

/** Writes small image files with ImageIO for tests and returns the pixels they hold in (C, H, W) order. */
final class TestImages {

    private TestImages() {
    }

    /**
     * Writes a colour image; {@code rgb[y][x]} is {@code 0xRRGGBB}.
     *
     * @return the expected three-channel pixels, (3, H, W)
     */
    static byte[] writeRgb(Path file, String format, int[][] rgb) throws IOException {
        int height = rgb.length;
        int width = rgb[0].length;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb[y][x]);
            }
        }
        write(image, format, file);
        return planes(rgb);
    }

    /** Returns the (3, H, W) planes of {@code 0xRRGGBB} pixels. */
    private static byte[] planes(int[][] rgb) {
        int height = rgb.length;
        int width = rgb[0].length;
        byte[] planes = new byte[3 * height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = y * width + x;
                planes[at] = (byte) (rgb[y][x] >> 16);
                planes[height * width + at] = (byte) (rgb[y][x] >> 8);
                planes[2 * height * width + at] = (byte) rgb[y][x];
            }
        }
        return planes;
    }

    /**
     * Writes an 8-bit grey image; {@code grey[y][x]} is from 0 to 255.
     *
     * @return the expected one-channel pixels, (1, H, W)
     */
    static byte[] writeGrey(Path file, String format, int[][] grey) throws IOException {
        int height = grey.length;
        int width = grey[0].length;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] expected = new byte[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, grey[y][x]);
                expected[y * width + x] = (byte) grey[y][x];
            }
        }
        write(image, format, file);
        return expected;
    }

    /**
     * Writes a palette image (GIF, or PNG with a palette); {@code indices[y][x]} selects an entry of
     * {@code palette}, whose entries are {@code 0xRRGGBB}.
     *
     * @return the expected three-channel pixels, (3, H, W)
     */
    static byte[] writeIndexed(Path file, String format, int[] palette, int[][] indices) throws IOException {
        byte[] red = new byte[palette.length];
        byte[] green = new byte[palette.length];
        byte[] blue = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            red[i] = (byte) (palette[i] >> 16);
            green[i] = (byte) (palette[i] >> 8);
            blue[i] = (byte) palette[i];
        }
        IndexColorModel colours = new IndexColorModel(8, palette.length, red, green, blue);
        int height = indices.length;
        int width = indices[0].length;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, colours);
        int[][] rgb = new int[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, indices[y][x]);
                rgb[y][x] = palette[indices[y][x]];
            }
        }
        write(image, format, file);
        return planes(rgb);
    }

    /** Writes a colour PNG of random pixels and returns its (3, H, W) pixels. */
    static byte[] writeRandomPng(Path file, int height, int width, long seed) throws IOException {
        Random random = new Random(seed);
        int[][] rgb = new int[height][width];
        for (int[] row : rgb) {
            for (int x = 0; x < width; x++) {
                row[x] = random.nextInt(1 << 24);
            }
        }
        return writeRgb(file, "png", rgb);
    }

    /** Returns a {@code height x width} image of one colour {@code 0xRRGGBB}. */
    static int[][] filled(int height, int width, int rgb) {
        int[][] image = new int[height][width];
        for (int[] row : image) {
            Arrays.fill(row, rgb);
        }
        return image;
    }

    private static void write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("ImageIO has no writer for " + format + " images of type " + image.getType());
        }
    }
}

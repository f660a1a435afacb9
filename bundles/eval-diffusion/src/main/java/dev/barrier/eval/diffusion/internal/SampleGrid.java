package dev.barrier.eval.diffusion.internal;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A PNG grid of generated images: one row per class, one column per sample, {@value #GAP} pixels of mid grey
 * between cells and around the border. One-channel images are written as greyscale, three-channel images as
 * RGB; pixel values in [0, 1] become 0 to 255 (values outside are clipped).
 */
final class SampleGrid {

    /** The gap between cells, in pixels. */
    static final int GAP = 2;

    private static final int BACKGROUND = 128;

    private final int channels;
    private final int height;
    private final int width;

    /**
     * Creates a grid for images of the given shape.
     *
     * @throws IllegalArgumentException if {@code channels} is neither 1 nor 3
     */
    SampleGrid(int channels, int height, int width) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("sample grids show 1- or 3-channel images, got " + channels
                    + " channels");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** Returns the width in pixels of a grid with {@code columns} columns. */
    int gridWidth(int columns) {
        return columns * (width + GAP) + GAP;
    }

    /** Returns the height in pixels of a grid with {@code rows} rows. */
    int gridHeight(int rows) {
        return rows * (height + GAP) + GAP;
    }

    /**
     * Writes the grid atomically (to a temporary file, then moved into place).
     *
     * @param rows    per row, the images in (N, C, H, W) order, values in [0, 1]; rows may hold fewer images
     *                than {@code columns}, leaving grey cells
     * @param columns the number of columns
     * @throws IOException if the file cannot be written
     */
    void write(Path file, List<float[]> rows, int columns) throws IOException {
        int type = channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage image = new BufferedImage(gridWidth(columns), gridHeight(rows.size()), type);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                for (int band = 0; band < raster.getNumBands(); band++) {
                    raster.setSample(x, y, band, BACKGROUND);
                }
            }
        }
        int imageSize = channels * height * width;
        for (int row = 0; row < rows.size(); row++) {
            float[] values = rows.get(row);
            int count = Math.min(columns, values.length / imageSize);
            for (int column = 0; column < count; column++) {
                int left = GAP + column * (width + GAP);
                int top = GAP + row * (height + GAP);
                int offset = column * imageSize;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        for (int band = 0; band < channels; band++) {
                            float value = values[offset + band * height * width + y * width + x];
                            raster.setSample(left + x, top + y, band, level(value));
                        }
                    }
                }
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", temporary.toFile())) {
            throw new IOException("no PNG writer is available to write " + file);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int level(float value) {
        if (!(value > 0)) {
            return 0;
        }
        return Math.min(255, Math.round(value * 255));
    }
}

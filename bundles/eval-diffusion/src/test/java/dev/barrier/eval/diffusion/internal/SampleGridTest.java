package dev.barrier.eval.diffusion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sample grids decode as PNG files of the expected size, with each image in its cell. */
class SampleGridTest {

    @TempDir
    Path folder;

    @Test
    void greyscaleGridHasExpectedSizeAndPixels() throws Exception {
        int classes = 10;
        int columns = 10;
        List<float[]> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            float[] images = new float[columns * 28 * 28];
            for (int i = 0; i < columns; i++) {
                // Image i of class c: every pixel (c * 10 + i) / 99, and its top-left pixel 1.
                java.util.Arrays.fill(images, i * 784, (i + 1) * 784, (c * 10 + i) / 99f);
                images[i * 784] = 1f;
            }
            rows.add(images);
        }
        Path file = folder.resolve("grid.png");
        new SampleGrid(1, 28, 28).write(file, rows, columns);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(10 * (28 + 2) + 2, image.getWidth());
        assertEquals(10 * (28 + 2) + 2, image.getHeight());
        Raster raster = image.getRaster();
        assertEquals(1, raster.getNumBands());
        assertEquals(128, raster.getSample(0, 0, 0), "border");
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < columns; i++) {
                int left = 2 + i * 30;
                int top = 2 + c * 30;
                assertEquals(255, raster.getSample(left, top, 0), "top-left of class " + c + ", image " + i);
                assertEquals(Math.round((c * 10 + i) / 99f * 255), raster.getSample(left + 5, top + 7, 0),
                        "inside class " + c + ", image " + i);
                assertEquals(128, raster.getSample(left + 28, top, 0), "gap right of the cell");
            }
        }
    }

    @Test
    void colourGridAndShortRows() throws Exception {
        float[] red = new float[2 * 3 * 4 * 4];
        for (int i = 0; i < 2; i++) {
            java.util.Arrays.fill(red, i * 48, i * 48 + 16, 1f);
        }
        Path file = folder.resolve("colour.png");
        new SampleGrid(3, 4, 4).write(file, List.of(red, new float[0]), 5);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(5 * 6 + 2, image.getWidth());
        assertEquals(2 * 6 + 2, image.getHeight());
        assertEquals(0xFF0000, image.getRGB(3, 3) & 0xFFFFFF, "red image");
        assertEquals(0x808080, image.getRGB(2 + 2 * 6 + 1, 3) & 0xFFFFFF, "empty cell stays grey");
        assertEquals(0x808080, image.getRGB(3, 2 + 6 + 1) & 0xFFFFFF, "row without images stays grey");
        assertEquals(false, Files.exists(folder.resolve("colour.png.tmp")));
    }

    @Test
    void twoChannelImagesRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new SampleGrid(2, 4, 4));
        assertEquals("sample grids show 1- or 3-channel images, got 2 channels", error.getMessage());
    }
}

package dev.barrier.data.imagefolder.internal;

import dev.barrier.api.data.DatasetException;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Decodes image files with {@link ImageIO} (PNG, JPEG, BMP and GIF are built into the JDK) into (C, H, W) uint8
 * pixels of one or three channels.
 *
 * <p>Grey images keep their stored values: for them the raster is read directly, because
 * {@link BufferedImage#getRGB} would convert Java's linear grey colour space to sRGB and brighten them. Other
 * images go through {@code getRGB}, which resolves palettes. Alpha is dropped. Three channels from a grey image
 * repeat the grey value. One channel from a colour image is the ITU-R BT.601 luma
 * {@code 0.299 R + 0.587 G + 0.114 B}, rounded.
 *
 * <p>Note: the GIF reader of OpenJDK 17.0.15 decodes interlaced GIFs of 2 to 4 rows wrongly, without an error:
 * rows after the first come out with wrong colours. Taller GIFs and the other formats are not affected.
 */
final class ImageDecoder {

    private ImageDecoder() {
    }

    /**
     * A decoded image.
     *
     * @param pixels (C, H, W) bytes
     * @param height the height in pixels
     * @param width  the width in pixels
     */
    record Decoded(byte[] pixels, int height, int width) {
    }

    /**
     * Reads {@code file} and converts it to {@code channels} channels.
     *
     * @throws DatasetException if the file cannot be read or is not an image in a format ImageIO reads
     */
    static Decoded read(Path file, int channels) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // ImageIO reports damaged files with IIOException and, for some formats, with runtime exceptions.
            throw new DatasetException(file, "unreadable image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DatasetException(file, "not an image: expected a PNG, JPEG, BMP or GIF file that ImageIO reads");
        }
        int height = image.getHeight();
        int width = image.getWidth();
        byte[] grey = isGrey(image) ? greyFromRaster(image.getRaster(), height, width) : null;
        byte[] pixels = grey != null ? fromGrey(grey, channels) : fromRgb(image, channels);
        return new Decoded(pixels, height, width);
    }

    private static boolean isGrey(BufferedImage image) {
        return image.getColorModel() instanceof ComponentColorModel
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** Returns the first band scaled to 8 bits, the grey values as stored in the file. */
    private static byte[] greyFromRaster(Raster raster, int height, int width) {
        int bits = raster.getSampleModel().getSampleSize(0);
        int max = (1 << bits) - 1;
        int[] samples = raster.getSamples(0, 0, width, height, 0, (int[]) null);
        byte[] grey = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            grey[i] = (byte) (bits == 8 ? samples[i] : Math.round(samples[i] * 255.0 / max));
        }
        return grey;
    }

    private static byte[] fromGrey(byte[] grey, int channels) {
        byte[] pixels = new byte[channels * grey.length];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(grey, 0, pixels, c * grey.length, grey.length);
        }
        return pixels;
    }

    private static byte[] fromRgb(BufferedImage image, int channels) {
        int height = image.getHeight();
        int width = image.getWidth();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        int plane = argb.length;
        byte[] pixels = new byte[channels * plane];
        for (int i = 0; i < plane; i++) {
            int red = (argb[i] >> 16) & 0xFF;
            int green = (argb[i] >> 8) & 0xFF;
            int blue = argb[i] & 0xFF;
            if (channels == 1) {
                // 0.299, 0.587 and 0.114 scaled by 1000; adding 500 rounds the division to nearest.
                pixels[i] = (byte) ((299 * red + 587 * green + 114 * blue + 500) / 1000);
            } else {
                pixels[i] = (byte) red;
                pixels[plane + i] = (byte) green;
                pixels[2 * plane + i] = (byte) blue;
            }
        }
        return pixels;
    }
}

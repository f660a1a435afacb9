package dev.barrier.data.imagefolder.internal;

/**
 * Scales (C, H, W) uint8 images with bilinear interpolation. Pixel centres are aligned: output pixel {@code d}
 * samples the input at {@code (d + 0.5) * in / out - 0.5}, clamped to the image, so the corners of the input and
 * output pixel grids coincide rather than the centres of their corner pixels.
 *
 * <p>Note: each output pixel mixes only the four nearest input pixels, so shrinking by more than a factor of
 * two skips input pixels and can alias; there is no area averaging.
 */
final class BilinearResize {

    private BilinearResize() {
    }

    /**
     * Returns {@code image} scaled to {@code outHeight x outWidth}.
     *
     * @param image the pixels, {@code channels * height * width} bytes in (C, H, W) order
     */
    static byte[] resize(byte[] image, int channels, int height, int width, int outHeight, int outWidth) {
        int[] top = new int[outHeight];
        int[] bottom = new int[outHeight];
        double[] rowWeight = new double[outHeight];
        axis(height, outHeight, top, bottom, rowWeight);
        int[] left = new int[outWidth];
        int[] right = new int[outWidth];
        double[] columnWeight = new double[outWidth];
        axis(width, outWidth, left, right, columnWeight);

        byte[] out = new byte[channels * outHeight * outWidth];
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            int outPlane = c * outHeight * outWidth;
            for (int y = 0; y < outHeight; y++) {
                int upper = plane + top[y] * width;
                int lower = plane + bottom[y] * width;
                double wy = rowWeight[y];
                for (int x = 0; x < outWidth; x++) {
                    double wx = columnWeight[x];
                    double upperValue = (1 - wx) * (image[upper + left[x]] & 0xFF) + wx * (image[upper + right[x]] & 0xFF);
                    double lowerValue = (1 - wx) * (image[lower + left[x]] & 0xFF) + wx * (image[lower + right[x]] & 0xFF);
                    long value = Math.round((1 - wy) * upperValue + wy * lowerValue);
                    out[outPlane + y * outWidth + x] = (byte) Math.min(255, Math.max(0, value));
                }
            }
        }
        return out;
    }

    /** Fills the two source indices and the weight of the second one for each output position along one axis. */
    private static void axis(int in, int out, int[] first, int[] second, double[] weight) {
        double scale = (double) in / out;
        for (int d = 0; d < out; d++) {
            double source = Math.min(Math.max((d + 0.5) * scale - 0.5, 0), in - 1);
            int lower = (int) Math.floor(source);
            first[d] = lower;
            second[d] = Math.min(lower + 1, in - 1);
            weight[d] = source - lower;
        }
    }
}

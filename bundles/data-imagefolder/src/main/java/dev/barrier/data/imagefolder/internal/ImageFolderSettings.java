package dev.barrier.data.imagefolder.internal;

import java.nio.file.Path;

/**
 * The validated settings of one {@code image-folder} provider.
 *
 * @param folder      the folder that contains the training and test folders
 * @param trainFolder the name of the training folder
 * @param testFolder  the name of the test folder
 * @param channels    1 for grey, 3 for RGB
 * @param height      the image height in pixels, or 0 to take the first training image's size
 * @param width       the image width in pixels, or 0 to take the first training image's size
 * @param resize      whether images of another size are scaled rather than rejected
 * @param limitTrain  how many training images to keep, 0 for all
 * @param limitTest   how many test images to keep, 0 for all
 */
record ImageFolderSettings(Path folder, String trainFolder, String testFolder, int channels, int height, int width,
        boolean resize, int limitTrain, int limitTest) {

    /** Returns whether the size is configured rather than taken from the first image. */
    boolean sizeConfigured() {
        return height > 0;
    }
}

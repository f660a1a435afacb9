package dev.barrier.data.idx.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * The validated settings of one {@code idx} provider.
 *
 * @param preset      the named dataset, which sets the class names and the install hint
 * @param folder      the folder that contains the four files
 * @param trainImages the file name of the training images, with or without {@code .gz}
 * @param trainLabels the file name of the training labels
 * @param testImages  the file name of the test images
 * @param testLabels  the file name of the test labels
 * @param classNames  one name per label value, or {@code null} to number the classes from 0 to the largest label
 * @param limitTrain  how many training images to keep from the start, 0 for all
 * @param limitTest   how many test images to keep from the start, 0 for all
 */
record IdxSettings(IdxPreset preset, Path folder, String trainImages, String trainLabels, String testImages,
        String testLabels, List<String> classNames, int limitTrain, int limitTest) {
}

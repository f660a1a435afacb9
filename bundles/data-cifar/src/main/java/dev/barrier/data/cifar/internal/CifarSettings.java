package dev.barrier.data.cifar.internal;

import java.nio.file.Path;

/**
 * The validated settings of one {@code cifar} provider.
 *
 * @param folder     the folder given by the user
 * @param variant    CIFAR-10 or CIFAR-100
 * @param labels     which CIFAR-100 label is the class; always {@link CifarLabels#FINE} for CIFAR-10
 * @param limitTrain how many training images to keep from the start, 0 for all
 * @param limitTest  how many test images to keep from the start, 0 for all
 */
record CifarSettings(Path folder, CifarVariant variant, CifarLabels labels, int limitTrain, int limitTest) {
}

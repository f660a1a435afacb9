package dev.barrier.api.data;

import java.util.Objects;

/**
 * A training set and a held-out test set with the same classes and image shape.
 *
 * @param train  the training set (forget and retain sets are drawn from it)
 * @param test   the test set
 * @param source where the data came from, for reports (a folder, a file pattern)
 */
public record DatasetSplits(ImageDataset train, ImageDataset test, String source) {

    /**
     * Checks that both sets agree on shape and classes.
     *
     * @throws IllegalArgumentException if they do not
     */
    public DatasetSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.channels() != test.channels() || train.height() != test.height()
                || train.width() != test.width()) {
            throw new IllegalArgumentException("train images are " + train.channels() + "x" + train.height() + "x"
                    + train.width() + " but test images are " + test.channels() + "x" + test.height() + "x"
                    + test.width());
        }
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException("train classes " + train.classNames()
                    + " differ from test classes " + test.classNames());
        }
    }
}

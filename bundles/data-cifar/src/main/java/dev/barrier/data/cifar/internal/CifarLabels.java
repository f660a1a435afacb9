package dev.barrier.data.cifar.internal;

/** The CIFAR-100 label used as the class: the fine label or the coarse one. */
enum CifarLabels {

    /** The 100 classes. */
    FINE,

    /** The 20 superclasses. */
    COARSE
}

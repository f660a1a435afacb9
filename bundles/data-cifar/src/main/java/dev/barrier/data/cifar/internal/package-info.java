/**
 * The {@code cifar} dataset provider: reads the binary versions of CIFAR-10 and CIFAR-100 into
 * {@link dev.barrier.api.data.ImageDataset}s of 3x32x32 images. Not exported; the provider is reached through
 * its {@link dev.barrier.api.data.DatasetProviderFactory} service named {@code cifar}.
 */
package dev.barrier.data.cifar.internal;
